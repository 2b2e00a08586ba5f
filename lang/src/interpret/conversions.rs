// Conversions between interpreter values and Polars: values to expressions (with Python's
// rule for when a bare string is a column name), literals, list literals, and Python str().

use polars::prelude::*;
use polars_plan::plans::DynLiteralValue;

use super::failure::{Fail, Result};
use super::values::Value;
use super::Interpreter;

/// What a bare string means where an expression is expected.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum StrAs {
    Column,
    Literal,
}

pub(crate) fn dyn_int(i: i64) -> Expr {
    Expr::Literal(LiteralValue::Dyn(DynLiteralValue::Int(i as i128)))
}

pub(crate) fn dyn_float(f: f64) -> Expr {
    Expr::Literal(LiteralValue::Dyn(DynLiteralValue::Float(f)))
}

pub(crate) fn dyn_str(s: &str) -> Expr {
    Expr::Literal(LiteralValue::Dyn(DynLiteralValue::Str(s.into())))
}

pub(crate) fn null_lit() -> Expr {
    lit(NULL)
}

impl Interpreter<'_, '_> {
    /// A value where Python Polars expects an expression.
    pub fn to_expr(&mut self, value: Value, strings: StrAs) -> Result<Expr> {
        Ok(match value {
            Value::Expr(e) => e,
            // An eager Series (`pl.Series([...])`, `eager=True` ranges) is a literal of its values.
            Value::Column(c) if self.is_eager_frame(c.frame.id) => lit(self.series_literal(&c)?),
            Value::Column(c) => c.expr,
            Value::Selector(s) => {
                self.note_selector(&s);
                Expr::from(s)
            }
            Value::When(chain) => chain.finish(null_lit())?,
            Value::Int(i) => dyn_int(i),
            Value::Float(f) => dyn_float(f),
            Value::Bool(b) => lit(b),
            Value::None => null_lit(),
            Value::Str(s) => match strings {
                StrAs::Column => self.column(&s),
                StrAs::Literal => dyn_str(&s),
            },
            Value::Scalar(s) => Expr::Literal(LiteralValue::Scalar(s)),
            Value::List(_) | Value::Tuple(_) => {
                let items = value.sequence_items().unwrap_or_default();
                list_literal(&items)?
            }
            other => {
                return Err(Fail::type_error(format!("a {} cannot be used as an expression", other.type_name()))
                    .hint("use `pl.col(\"name\")`, `pl.lit(value)` or an expression built from them"))
            }
        })
    }

    /// `pl.col(name)`, remembering the read.
    pub fn column(&mut self, name: &str) -> Expr {
        self.note_column(name);
        col(name)
    }

    /// Flatten positional arguments of `select`/`with_columns`/`group_by`/`agg`: lists and
    /// tuples are expanded; strings are column names.
    pub fn exprs_from(&mut self, values: Vec<Value>, strings: StrAs) -> Result<Vec<Expr>> {
        let mut out = Vec::with_capacity(values.len());
        for value in values {
            match value {
                Value::List(_) | Value::Tuple(_) => {
                    for item in value.sequence_items().unwrap_or_default() {
                        out.push(self.to_expr(item, strings)?);
                    }
                }
                other => out.push(self.to_expr(other, strings)?),
            }
        }
        Ok(out)
    }

    /// Column names from a str, a list of str, or a selector-free expression list.
    pub fn names_from(&self, values: Vec<Value>) -> Result<Vec<String>> {
        let mut out = Vec::new();
        for value in values {
            match value {
                Value::Str(s) => out.push(s.to_string()),
                Value::List(_) | Value::Tuple(_) => out.extend(self.names_from(value.sequence_items().unwrap_or_default())?),
                other => return Err(Fail::type_error(format!("expected a column name (str), got a {}", other.type_name()))),
            }
        }
        Ok(out)
    }
}

/// A list-typed scalar literal from Python values (for `is_in([...])`, `replace({...})`), typed
/// as Python infers a Series from the list: ints → Int64, ints and floats → Float64, …
/// (Rust 0.55 cannot type a dynamic list literal: its schema resolver panics on one.)
pub(crate) fn list_literal(items: &[Value]) -> Result<Expr> {
    let series = series_of(PlSmallStr::EMPTY, items)?;
    let dtype = DataType::List(Box::new(series.dtype().clone()));
    Ok(Expr::Literal(LiteralValue::Scalar(Scalar::new(dtype, AnyValue::List(series)))))
}

/// A Series from Python values (for literal frames and list literals), typed as Python Polars
/// infers it; values of different kinds (other than ints among floats) are refused.
pub(crate) fn series_of(name: PlSmallStr, items: &[Value]) -> Result<Series> {
    let kind = |v: &Value| match v {
        Value::Bool(_) => Some("bool"),
        Value::Int(_) | Value::Float(_) => Some("number"),
        Value::Str(_) => Some("str"),
        Value::Scalar(_) => Some("temporal"),
        _ => None,
    };
    let non_null: Vec<&Value> = items.iter().filter(|v| !matches!(v, Value::None)).collect();
    let Some(first) = non_null.first() else {
        return Ok(Series::full_null(name, items.len(), &DataType::Null));
    };
    let Some(first_kind) = kind(first) else {
        return Err(Fail::type_error(format!("a list of {} values is not supported here", first.type_name()))
            .hint("lists of numbers, strings or booleans are supported"));
    };
    if let Some(odd) = non_null.iter().find(|v| kind(v) != Some(first_kind)) {
        return Err(Fail::type_error(format!("this list mixes {} and {} values", first.type_name(), odd.type_name()))
            .hint("Python Polars cannot build a column from it either; use values of one type"));
    }
    let series = match first_kind {
        // Dates, datetimes, durations, times: of one type, as Python builds a Series of them.
        "temporal" => {
            let Value::Scalar(first) = first else { unreachable!("kind is temporal") };
            let dtype = first.dtype().clone();
            let values: Vec<AnyValue<'static>> = items
                .iter()
                .map(|v| match v {
                    Value::Scalar(s) if s.dtype() == &dtype => Ok(s.value().clone().into_static()),
                    Value::None => Ok(AnyValue::Null),
                    other => Err(Fail::type_error(format!("this list mixes {dtype} and {} values", other.type_name()))),
                })
                .collect::<Result<_>>()?;
            Series::from_any_values_and_dtype(name, &values, &dtype, true).map_err(Fail::from)?
        }
        "bool" => Series::new(name, items.iter().map(|v| if let Value::Bool(b) = v { Some(*b) } else { None }).collect::<Vec<_>>()),
        "str" => Series::new(name, items.iter().map(|v| v.as_str()).collect::<Vec<_>>()),
        _ if non_null.iter().all(|v| matches!(v, Value::Int(_))) => {
            Series::new(name, items.iter().map(|v| if let Value::Int(i) = v { Some(*i) } else { None }).collect::<Vec<_>>())
        }
        _ => Series::new(name, items.iter().map(|v| if matches!(v, Value::None) { None } else { v.as_f64() }).collect::<Vec<_>>()),
    };
    Ok(series)
}

/// Python's `str(value)`.
pub(crate) fn to_py_str(value: &Value) -> String {
    match value {
        Value::Str(s) => s.to_string(),
        other => repr(other),
    }
}

/// Python's `repr(value)` for plain values.
pub(crate) fn repr(value: &Value) -> String {
    match value {
        Value::None => "None".into(),
        Value::Bool(b) => if *b { "True".into() } else { "False".into() },
        Value::Int(i) => i.to_string(),
        Value::Float(f) => float_repr(*f),
        Value::Str(s) => format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")),
        Value::List(items) => format!("[{}]", items.borrow().iter().map(repr).collect::<Vec<_>>().join(", ")),
        Value::Tuple(items) => {
            if items.len() == 1 {
                format!("({},)", repr(&items[0]))
            } else {
                format!("({})", items.iter().map(repr).collect::<Vec<_>>().join(", "))
            }
        }
        Value::Dict(d) => format!(
            "{{{}}}",
            d.borrow().entries.iter().map(|(k, v)| format!("{}: {}", repr(k), repr(v))).collect::<Vec<_>>().join(", ")
        ),
        Value::DType(dtype) => super::module_pl::dtype_repr(dtype),
        Value::Scalar(s) => s.value().to_string(),
        Value::Expr(e) => format!("<Expr {e}>"),
        other => format!("<{}>", other.type_name()),
    }
}

/// Python's float repr (shortest round-trip, `1.0`, `1e-05`, `inf`, `nan`).
pub(crate) fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let abs = f.abs();
    if abs != 0.0 && !(1e-4..1e16).contains(&abs) {
        let text = format!("{f:e}");
        let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
        let exp: i32 = exponent.parse().unwrap_or(0);
        let sign = if exp < 0 { '-' } else { '+' };
        return format!("{mantissa}e{sign}{:02}", exp.abs());
    }
    let text = format!("{f}");
    if text.contains('.') {
        text
    } else {
        format!("{text}.0")
    }
}
