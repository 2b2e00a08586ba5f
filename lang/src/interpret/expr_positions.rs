// Expression methods that pick values by position or by another column's order: `gather`,
// `get`, `search_sorted`, `top_k_by` / `bottom_k_by`, with Python's argument forms.

use polars::prelude::*;

use super::args::Bound;
use super::conversions::{series_of, StrAs};
use super::failure::{Fail, Result};
use super::values::Value;
use super::Interpreter;

impl Interpreter<'_, '_> {
    pub fn expr_position(&mut self, e: Expr, name: &str, a: &Bound) -> Result<Expr> {
        Ok(match name {
            // A list of ints is a Series of Int64 indices, as Python builds it.
            "gather" => {
                let indices = match a.required("indices")?.clone() {
                    list @ (Value::List(_) | Value::Tuple(_)) => {
                        let series = series_of(PlSmallStr::EMPTY, &list.sequence_items().unwrap_or_default())?;
                        lit(series.strict_cast(&DataType::Int64).map_err(Fail::from)?)
                    }
                    other => self.to_expr(other, StrAs::Column)?,
                };
                e.gather(indices, a.bool("null_on_oob", false)?)
            }
            "get" => {
                let index = self.to_expr(a.required("index")?.clone(), StrAs::Column)?;
                e.get(index, a.bool("null_on_oob", false)?)
            }
            "search_sorted" => {
                let element = match a.required("element")?.clone() {
                    Value::List(_) | Value::Tuple(_) => {
                        return Err(Fail::type_error("passing a list to `search_sorted` is ambiguous (as in Python)").hint("use `pl.Series([...])` or `pl.lit(...)`"))
                    }
                    other => self.to_expr(other, StrAs::Literal)?,
                };
                let side = match a.choice("side", "any", &["any", "left", "right"])?.as_str() {
                    "left" => SearchSortedSide::Left,
                    "right" => SearchSortedSide::Right,
                    _ => SearchSortedSide::Any,
                };
                e.search_sorted(element, side, a.bool("descending", false)?)
            }
            "top_k_by" | "bottom_k_by" => {
                let by = self.exprs_from(vec![a.required("by")?.clone()], StrAs::Column)?;
                let k = match a.get("k").cloned() {
                    Some(k) => self.to_expr(k, StrAs::Column)?,
                    None => super::conversions::dyn_int(5),
                };
                let reverse = match a.get("reverse") {
                    None => vec![false; by.len()],
                    Some(Value::Bool(b)) => vec![*b; by.len()],
                    Some(v) => v
                        .sequence_items()
                        .filter(|items| items.len() == by.len())
                        .and_then(|items| items.iter().map(|i| if let Value::Bool(b) = i { Some(*b) } else { None }).collect::<Option<Vec<_>>>())
                        .ok_or_else(|| Fail::type_error(format!("{name}(): `reverse` must be a bool or one bool per `by` column")))?,
                };
                if name == "top_k_by" { e.top_k_by(k, by, reverse) } else { e.bottom_k_by(k, by, reverse) }
            }
            _ => unreachable!("dispatched by name"),
        })
    }
}
