// The `.struct` namespace of expressions (fields, renaming, JSON encoding, unnesting) and
// `DataFrame.unnest`, which turns struct columns into their fields.

use polars::prelude::*;

use super::args::{Bound, CallArgs};
use super::conversions::StrAs;
use super::failure::{Fail, Result};
use super::values::{Frame, Value};
use super::Interpreter;
use crate::allowlist::Namespace;

impl Interpreter<'_, '_> {
    pub fn struct_method(&mut self, e: Expr, name: &str, args: CallArgs) -> Result<Expr> {
        let mut a = args.bind(Namespace::Struct, name)?;
        let s = e.struct_();
        Ok(match name {
            "field" => {
                let names = self.names_from(a.first_and_rest("name"))?;
                if names.len() == 1 { s.field_by_name(&names[0]) } else { s.field_by_names(names) }
            }
            "rename_fields" => {
                let names = match a.required("names")? {
                    Value::Str(_) => return Err(Fail::type_error("rename_fields() takes a list of names, not a str").hint("write `rename_fields([\"a\", \"b\"])`")),
                    other => self.names_from(vec![other.clone()])?,
                };
                s.rename_fields(names)
            }
            "json_encode" => s.json_encode(),
            // `pl.field("x")` inside refers to the struct's own fields.
            "with_fields" => {
                let mut fields = self.exprs_from(std::mem::take(&mut a.rest), StrAs::Column)?;
                for (name, value) in std::mem::take(&mut a.kwargs) {
                    fields.push(self.to_expr(value, StrAs::Column)?.alias(name));
                }
                s.with_fields(fields)
            }
            "unnest" => s.field_by_names(["*"]),
            _ => return Err(super::expressions::not_available(name, "Expr.struct", Some(Namespace::Struct))),
        })
    }

    /// `df.unnest(columns, *more_columns, separator=None)`: each struct column is replaced by
    /// its fields, in place (named `<column><separator><field>` when a separator is given).
    pub fn frame_unnest(&mut self, frame: Frame, a: &mut Bound) -> Result<Value> {
        let columns = a.first_and_rest("columns");
        let selector = if columns.iter().all(|v| matches!(v, Value::None)) {
            Selector::ByDType(DataTypeSelector::Struct)
        } else {
            self.selector_of(columns.into_iter().filter(|v| !matches!(v, Value::None)).collect())?
        };
        let separator = a.opt_string("separator")?.map(PlSmallStr::from);
        self.derive(&frame, |lf| lf.unnest(selector.clone(), separator.clone()))
    }
}
