// `polars.selectors` (cs): column selectors by type and name, their set algebra (handled in
// operators) and `exclude`; any other method turns the selector into an expression.

use polars::prelude::*;

use super::args::CallArgs;
use super::failure::{Fail, Result};
use super::module_pl::dtype_of;
use super::values::Value;
use super::Interpreter;
use crate::allowlist::Namespace;

fn regex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn dtype_selector(selector: DataTypeSelector) -> Selector {
    Selector::ByDType(selector)
}

impl Interpreter<'_, '_> {
    pub fn cs_function(&mut self, name: &str, args: CallArgs) -> Result<Value> {
        let mut a = args.bind(Namespace::Selectors, name)?;
        let selector = match name {
            "numeric" => dtype_selector(DataTypeSelector::Numeric),
            "integer" => dtype_selector(DataTypeSelector::Integer),
            "float" => dtype_selector(DataTypeSelector::Float),
            "string" => dtype_selector(DataTypeSelector::AnyOf([DataType::String].into())),
            "boolean" => dtype_selector(DataTypeSelector::AnyOf([DataType::Boolean].into())),
            "date" => dtype_selector(DataTypeSelector::AnyOf([DataType::Date].into())),
            "temporal" => dtype_selector(DataTypeSelector::Temporal),
            "datetime" => dtype_selector(DataTypeSelector::Datetime(TimeUnitSet::all(), TimeZoneSet::Any)),
            "categorical" => dtype_selector(DataTypeSelector::Categorical),
            "all" => Selector::Wildcard,
            "first" => Selector::ByIndex { indices: [0].into(), strict: true },
            "last" => Selector::ByIndex { indices: [-1].into(), strict: true },
            "by_name" => {
                let names = self.names_from(std::mem::take(&mut a.rest))?;
                let strict = a.bool("require_all", true)?;
                for n in &names {
                    self.note_column(n);
                }
                Selector::ByName { names: names.into_iter().map(PlSmallStr::from).collect(), strict }
            }
            "by_dtype" => {
                let mut dtypes = Vec::new();
                for v in std::mem::take(&mut a.rest) {
                    match v.sequence_items() {
                        Some(items) => {
                            for item in items {
                                dtypes.push(dtype_of(&item)?);
                            }
                        }
                        None => dtypes.push(dtype_of(&v)?),
                    }
                }
                dtype_selector(DataTypeSelector::AnyOf(dtypes.into()))
            }
            "starts_with" | "ends_with" | "contains" => {
                let parts = self.names_from(std::mem::take(&mut a.rest))?;
                let alternatives = parts.iter().map(|p| regex_escape(p)).collect::<Vec<_>>().join("|");
                let pattern = match name {
                    "starts_with" => format!("^({alternatives}).*$"),
                    "ends_with" => format!("^.*({alternatives})$"),
                    _ => format!("^.*({alternatives}).*$"),
                };
                Selector::Matches(pattern.into())
            }
            "matches" => {
                let pattern = a.string("pattern", "")?;
                let start = if pattern.starts_with('^') { "" } else { "^.*" };
                let end = if pattern.ends_with('$') { "" } else { ".*$" };
                let inner = pattern.trim_start_matches('^').trim_end_matches('$');
                Selector::Matches(format!("{start}({inner}){end}").into())
            }
            "exclude" => {
                let items = a.first_and_rest("columns");
                let excluded = self.selector_union(items)?;
                Selector::Wildcard - excluded
            }
            _ => return Err(super::expressions::not_available(name, "cs", Some(Namespace::Selectors))),
        };
        self.note_selector(&selector);
        Ok(Value::Selector(selector))
    }

    /// Names and selectors combined into one selector.
    fn selector_union(&mut self, items: Vec<Value>) -> Result<Selector> {
        let mut out: Option<Selector> = None;
        let mut flat = Vec::new();
        for item in items {
            match item.sequence_items() {
                Some(inner) => flat.extend(inner),
                None => flat.push(item),
            }
        }
        for item in flat {
            let next = match item {
                Value::Str(s) => cols([s.to_string()]),
                Value::Selector(s) => s,
                Value::DType(d) => dtype_selector(DataTypeSelector::AnyOf([d].into())),
                other => return Err(Fail::type_error(format!("exclude() takes names or selectors, not a {}", other.type_name()))),
            };
            out = Some(match out {
                Some(acc) => acc | next,
                None => next,
            });
        }
        Ok(out.unwrap_or(Selector::Empty))
    }

    pub fn selector_method(&mut self, selector: Selector, name: &str, args: CallArgs) -> Result<Value> {
        if name == "exclude" {
            let mut a = args.bind(Namespace::Selectors, "exclude")?;
            let items = a.first_and_rest("columns");
            let excluded = self.selector_union(items)?;
            return Ok(Value::Selector(selector - excluded));
        }
        self.note_selector(&selector);
        if name == "as_expr" {
            args.bind(Namespace::Selectors, "as_expr")?;
            return Ok(Value::Expr(Expr::from(selector)));
        }
        self.expr_method(Expr::from(selector), name, args)
    }
}
