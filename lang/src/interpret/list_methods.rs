// The `.list` namespace of expressions, as Python Polars 2.1 builds each method (several are
// `list.eval` / `list.agg` of an element expression there too, e.g. `unique`, `n_unique`, `any`).

use polars::prelude::*;
use polars::series::ops::NullBehavior;

use super::args::{Bound, CallArgs};
use super::conversions::{dyn_int, list_literal, null_lit, StrAs};
use super::failure::{Fail, Result};
use super::values::Value;
use super::Interpreter;
use crate::allowlist::Namespace;

impl Interpreter<'_, '_> {
    pub fn list_method(&mut self, e: Expr, name: &str, args: CallArgs) -> Result<Expr> {
        let a = args.bind(Namespace::List, name)?;
        let l = e.clone().list();
        Ok(match name {
            "len" => l.len(),
            "first" => l.first(),
            "last" => l.last(),
            "get" => {
                let index = self.to_expr(a.required("index")?.clone(), StrAs::Column)?;
                l.get(index, a.bool("null_on_oob", false)?)
            }
            "gather" => {
                let indices = self.to_expr(a.required("indices")?.clone(), StrAs::Column)?;
                l.gather(indices, a.bool("null_on_oob", false)?)
            }
            "gather_every" => {
                let n = self.to_expr(a.required("n")?.clone(), StrAs::Column)?;
                let offset = self.int_or_expr(&a, "offset", 0)?;
                l.gather_every(n, offset)
            }
            "sum" => l.sum(),
            "mean" => l.mean(),
            "median" => l.median(),
            "min" => l.min(),
            "max" => l.max(),
            "std" => l.std(self.ddof(&a)?),
            "var" => l.var(self.ddof(&a)?),
            "arg_min" => l.arg_min(),
            "arg_max" => l.arg_max(),
            "n_unique" => l.agg(Expr::Element.n_unique()),
            "any" => l.agg(Expr::Element.any(a.bool("ignore_nulls", true)?)),
            "all" => l.agg(Expr::Element.all(a.bool("ignore_nulls", true)?)),
            "sort" => l.sort(SortOptions {
                descending: a.bool("descending", false)?,
                nulls_last: a.bool("nulls_last", false)?,
                multithreaded: true,
                maintain_order: false,
                limit: None,
            }),
            // Python's default leaves the order of the unique values open; first-seen order is
            // one of the orders it may give.
            "unique" => {
                a.bool("maintain_order", false)?;
                l.eval(Expr::Element.unique_stable())
            }
            "reverse" => l.eval(Expr::Element.reverse()),
            "drop_nulls" => l.drop_nulls(),
            "diff" => {
                let behavior = match a.choice("null_behavior", "ignore", &["ignore", "drop"])?.as_str() {
                    "drop" => NullBehavior::Drop,
                    _ => NullBehavior::Ignore,
                };
                l.diff(a.int("n", 1)?, behavior)
            }
            "shift" => l.shift(self.int_or_expr(&a, "n", 1)?),
            "slice" => {
                let offset = self.to_expr(a.required("offset")?.clone(), StrAs::Column)?;
                let length = match a.get("length").cloned() {
                    Some(v) => self.to_expr(v, StrAs::Column)?,
                    None => null_lit(),
                };
                l.slice(offset, length)
            }
            "head" => l.head(self.int_or_expr(&a, "n", 5)?),
            "tail" => l.tail(self.int_or_expr(&a, "n", 5)?),
            "join" => {
                let separator = self.to_expr(a.required("separator")?.clone(), StrAs::Literal)?;
                l.join(separator, a.bool("ignore_nulls", true)?)
            }
            "contains" => {
                let item = self.element_literal(a.required("item")?.clone())?;
                l.contains(item, a.bool("nulls_equal", true)?)
            }
            "count_matches" => {
                let element = self.element_literal(a.required("element")?.clone())?;
                l.count_matches(element)
            }
            "concat" => {
                let other = a.required("other")?.clone();
                let mut parts = vec![e];
                match other.sequence_items() {
                    // A list of plain values is one list literal, as in Python.
                    Some(items) if items.first().is_some_and(|first| !first.is_expression_like() && !matches!(first, Value::Str(_))) => {
                        parts.push(list_literal(&items)?)
                    }
                    Some(items) => parts.extend(self.exprs_from(items, StrAs::Column)?),
                    None => parts.push(self.to_expr(other, StrAs::Column)?),
                }
                concat_list(parts).map_err(Fail::from)?
            }
            "set_union" | "set_difference" | "set_intersection" | "set_symmetric_difference" => {
                let other = match a.required("other")?.clone() {
                    list @ (Value::List(_) | Value::Tuple(_)) => list_literal(&list.sequence_items().unwrap_or_default())?,
                    other => self.to_expr(other, StrAs::Column)?,
                };
                match name {
                    "set_union" => l.union(other),
                    "set_difference" => l.set_difference(other),
                    "set_intersection" => l.set_intersection(other),
                    _ => l.set_symmetric_difference(other),
                }
            }
            "to_struct" => {
                let fields = match a.required("fields")? {
                    Value::Str(s) => {
                        return Err(Fail::type_error("list.to_struct() got a str instead of a list").hint(format!("pass ['{s}'] instead of '{s}'")))
                    }
                    other => self.names_from(vec![other.clone()])?,
                };
                l.to_struct(fields.into_iter().map(PlSmallStr::from).collect())
            }
            "filter" => {
                let predicate = self.to_expr(a.required("predicate")?.clone(), StrAs::Column)?;
                l.eval(Expr::Element.filter(predicate))
            }
            "to_array" => {
                let width = a.int("width", 0)?;
                let width = usize::try_from(width).map_err(|_| Fail::value_error(format!("list.to_array(): width must be positive, not {width}")))?;
                l.to_array(width)
            }
            "eval" => {
                a.bool("parallel", false)?;
                l.eval(self.to_expr(a.required("expr")?.clone(), StrAs::Column)?)
            }
            "agg" => {
                let expr = self.to_expr(a.required("expr")?.clone(), StrAs::Column)?;
                l.agg(expr)
            }
            "explode" => e.explode(ExplodeOptions { empty_as_null: a.bool("empty_as_null", false)?, keep_nulls: a.bool("keep_nulls", true)? }),
            "item" => l.agg(Expr::Element.item(a.bool("allow_empty", false)?)),
            _ => return Err(super::expressions::not_available(name, "Expr.list", Some(Namespace::List))),
        })
    }

    /// The `.arr` namespace of fixed-width Array columns.
    pub fn arr_method(&mut self, e: Expr, name: &str, args: CallArgs) -> Result<Expr> {
        let a = args.bind(Namespace::Arr, name)?;
        let arr = e.arr();
        Ok(match name {
            "eval" => arr.eval(self.to_expr(a.required("expr")?.clone(), StrAs::Column)?, a.bool("as_list", false)?),
            "agg" => arr.agg(self.to_expr(a.required("expr")?.clone(), StrAs::Column)?),
            "len" => arr.len(),
            "sum" => arr.sum(),
            "min" => arr.min(),
            "max" => arr.max(),
            "join" => {
                let separator = self.to_expr(a.required("separator")?.clone(), StrAs::Literal)?;
                arr.join(separator, a.bool("ignore_nulls", true)?)
            }
            "contains" => {
                let item = self.element_literal(a.required("item")?.clone())?;
                arr.contains(item, a.bool("nulls_equal", true)?)
            }
            "sort" => arr.sort(SortOptions {
                descending: a.bool("descending", false)?,
                nulls_last: a.bool("nulls_last", false)?,
                multithreaded: true,
                maintain_order: false,
                limit: None,
            }),
            _ => return Err(super::expressions::not_available(name, "Expr.arr", Some(Namespace::Arr))),
        })
    }

    /// An int argument (a dynamic literal, as Python makes it) or an expression (strings are
    /// column names).
    fn int_or_expr(&mut self, a: &Bound, name: &str, default: i64) -> Result<Expr> {
        match a.get(name).cloned() {
            None => Ok(dyn_int(default)),
            Some(v) => self.to_expr(v, StrAs::Column),
        }
    }

    /// A value compared with list elements: a string is a String literal (Rust Polars cannot
    /// type a dynamic string literal against list elements).
    fn element_literal(&mut self, value: Value) -> Result<Expr> {
        match value {
            Value::Str(s) => Ok(lit(s.to_string())),
            other => self.to_expr(other, StrAs::Literal),
        }
    }

    fn ddof(&self, a: &Bound) -> Result<u8> {
        let ddof = a.int("ddof", 1)?;
        u8::try_from(ddof).map_err(|_| Fail::value_error(format!("ddof must be between 0 and 255, not {ddof}")))
    }
}
