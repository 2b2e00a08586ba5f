// Python builtins of the feature language: len, range, enumerate, zip, min/max/sum, sorted,
// conversions and isinstance. Their signatures live in the allowlist (namespace Builtins).


use super::args::CallArgs;
use super::conversions::{to_py_str, StrAs};
use super::failure::{Fail, Result};
use super::operators::py_sort;
use super::values::{Dict, Value};
use super::Interpreter;
use crate::allowlist::Namespace;
use crate::diagnostics::Code;

pub(crate) const NAMES: &[&str] = &[
    "len", "range", "enumerate", "zip", "min", "max", "sum", "any", "all", "abs", "round", "sorted", "reversed",
    "list", "tuple", "dict", "set", "str", "int", "float", "bool", "isinstance",
];

impl Interpreter<'_, '_> {
    pub fn call_builtin(&mut self, name: &'static str, args: CallArgs) -> Result<Value> {
        let mut a = args.bind(Namespace::Builtins, name)?;
        match name {
            "len" => {
                let obj = a.required("obj")?.clone();
                Ok(Value::Int(match &obj {
                    Value::List(l) => l.borrow().len() as i64,
                    Value::Tuple(t) => t.len() as i64,
                    Value::Dict(d) => d.borrow().entries.len() as i64,
                    Value::Str(s) => s.chars().count() as i64,
                    Value::Frame(f) => self.height(f.data())? as i64,
                    Value::Column(c) => self.height(&c.frame.data().clone().select([c.expr.clone()]))? as i64,
                    other => return Err(Fail::type_error(format!("a {} has no len()", other.type_name()))),
                }))
            }
            "range" => {
                let first = a.int("start", 0)?;
                let (start, stop) = match a.get("stop") {
                    Some(_) => (first, a.int("stop", 0)?),
                    None => (0, first),
                };
                let step = a.int("step", 1)?;
                if step == 0 {
                    return Err(Fail::value_error("range() step must not be zero"));
                }
                let count = if step > 0 { (stop - start + step - 1).max(0) / step } else { (start - stop - step - 1).max(0) / -step };
                // Python's range is lazy: a loop over it is bounded by the loop budget, a list
                // made from it (`list(range(n))`) by the list budget.
                // Either way no more than the larger budget is ever materialized.
                let bound = (self.limits.max_list_len as u64).max(self.limits.max_loop_iterations);
                if count as u64 > bound {
                    return Err(Fail::new(Code::ListBudget, format!("range() of {count} items exceeds the list and loop budgets ({bound})"))
                        .hint("loop over column names, or build the sequence as a column with `pl.int_range(...)`"));
                }
                Ok(Value::list((0..count).map(|i| Value::Int(start + i * step)).collect()))
            }
            "enumerate" => {
                let items = self.iterate(a.required("iterable")?)?;
                let start = a.int("start", 0)?;
                Ok(Value::list(items.into_iter().enumerate().map(|(i, v)| Value::tuple(vec![Value::Int(start + i as i64), v])).collect()))
            }
            "zip" => {
                let lists: Vec<Vec<Value>> = a.rest.iter().map(|v| self.iterate(v)).collect::<Result<_>>()?;
                let n = lists.iter().map(Vec::len).min().unwrap_or(0);
                if a.bool("strict", false)? && lists.iter().any(|l| l.len() != n) {
                    return Err(Fail::value_error("zip() argument lengths differ (strict=True)"));
                }
                Ok(Value::list((0..n).map(|i| Value::tuple(lists.iter().map(|l| l[i].clone()).collect())).collect()))
            }
            "min" | "max" => {
                let items = if a.rest.len() == 1 { self.iterate(&a.rest[0])? } else { a.rest.clone() };
                if items.iter().any(Value::is_expression_like) {
                    return Err(Fail::type_error(format!("{name}() of expressions is ambiguous")).hint(format!("use `pl.{name}_horizontal(...)` across columns, or `.{name}()` down a column")));
                }
                let mut sorted = items;
                if sorted.is_empty() {
                    return Err(Fail::value_error(format!("{name}() of an empty sequence")));
                }
                // Stable: min keeps the first minimum, max the first maximum.
                let mut best = sorted.remove(0);
                for item in sorted {
                    let mut pair = vec![best.clone(), item.clone()];
                    py_sort(&mut pair)?;
                    let better = if name == "min" { !pair[0].py_eq(&best) } else { !pair[1].py_eq(&best) };
                    if better {
                        best = item;
                    }
                }
                Ok(best)
            }
            "sum" => {
                let items = self.iterate(a.required("iterable")?)?;
                let mut total = a.take("start").unwrap_or(Value::Int(0));
                for item in items {
                    total = self.binary(crate::parse::ast::Operator::Add, total, item)?;
                }
                Ok(total)
            }
            "any" | "all" => {
                let items = self.iterate(a.required("iterable")?)?;
                let want = name == "any";
                for item in &items {
                    if self.truthy(item)? == want {
                        return Ok(Value::Bool(want));
                    }
                }
                Ok(Value::Bool(!want))
            }
            "abs" => {
                let x = a.required("x")?.clone();
                match x {
                    Value::Int(i) => Ok(Value::Int(i.abs())),
                    Value::Float(f) => Ok(Value::Float(f.abs())),
                    other if other.is_expression_like() => {
                        let e = self.to_expr(other, StrAs::Column)?;
                        Ok(Value::Expr(e.abs()))
                    }
                    other => Err(Fail::type_error(format!("bad operand for abs(): {}", other.type_name()))),
                }
            }
            "round" => {
                let x = a.required("x")?.clone();
                let digits = a.opt_int("ndigits")?;
                match (x, digits) {
                    (Value::Int(i), _) => Ok(Value::Int(i)),
                    (Value::Float(f), None) => Ok(Value::Int(round_half_even(f) as i64)),
                    // Python rounds the exact binary value (round(2.675, 2) is 2.67): so does
                    // formatting with a precision.
                    (Value::Float(f), Some(d)) if (0..=300).contains(&d) && f.is_finite() => {
                        Ok(Value::Float(format!("{:.*}", d as usize, f).parse::<f64>().unwrap_or(f)))
                    }
                    (Value::Float(f), Some(d)) => {
                        let scale = 10f64.powi(d as i32);
                        Ok(Value::Float(round_half_even(f * scale) / scale))
                    }
                    (other, _) => Err(Fail::type_error(format!("round() of a {} is not supported", other.type_name())).hint("use `.round(n)` on expressions")),
                }
            }
            "sorted" => {
                let mut items = self.iterate(a.required("iterable")?)?;
                py_sort(&mut items)?;
                if a.bool("reverse", false)? {
                    items.reverse();
                }
                Ok(Value::list(items))
            }
            "reversed" => {
                let mut items = self.iterate(a.required("seq")?)?;
                items.reverse();
                Ok(Value::list(items))
            }
            "list" | "tuple" | "set" => {
                let items = match a.get("iterable") {
                    Some(v) => {
                        let v = v.clone();
                        self.iterate(&v)?
                    }
                    None => Vec::new(),
                };
                self.check_list_len(items.len())?;
                Ok(match name {
                    "tuple" => Value::tuple(items),
                    "set" => {
                        let mut out: Vec<Value> = Vec::new();
                        for item in items {
                            if !out.iter().any(|x| x.py_eq(&item)) {
                                out.push(item);
                            }
                        }
                        Value::list(out)
                    }
                    _ => Value::list(items),
                })
            }
            "dict" => {
                let mut dict = Dict::default();
                match a.get("iterable") {
                    Some(Value::Dict(d)) => dict = d.borrow().clone(),
                    Some(other) => {
                        let other = other.clone();
                        for pair in self.iterate(&other)? {
                            let kv = self.iterate(&pair)?;
                            if kv.len() != 2 {
                                return Err(Fail::value_error("dict() needs pairs"));
                            }
                            dict.insert(kv[0].clone(), kv[1].clone());
                        }
                    }
                    None => {}
                }
                for (k, v) in a.kwargs.drain(..) {
                    dict.insert(Value::str(k), v);
                }
                Ok(Value::dict(dict))
            }
            "str" => Ok(Value::str(a.get("x").map(to_py_str).unwrap_or_default())),
            "int" => match a.get("x") {
                None => Ok(Value::Int(0)),
                Some(Value::Int(i)) => Ok(Value::Int(*i)),
                Some(Value::Bool(b)) => Ok(Value::Int(*b as i64)),
                Some(Value::Float(f)) if f.is_finite() => Ok(Value::Int(f.trunc() as i64)),
                Some(Value::Str(s)) => s.trim().parse::<i64>().map(Value::Int).map_err(|_| Fail::value_error(format!("invalid literal for int(): {s:?}"))),
                Some(other) => Err(Fail::type_error(format!("int() of a {} is not supported", other.type_name())).hint("use `.cast(pl.Int64)` on expressions")),
            },
            "float" => match a.get("x") {
                None => Ok(Value::Float(0.0)),
                Some(v @ (Value::Int(_) | Value::Float(_) | Value::Bool(_))) => Ok(Value::Float(v.as_f64().unwrap_or(0.0))),
                Some(Value::Str(s)) => parse_float(s).map(Value::Float).ok_or_else(|| Fail::value_error(format!("could not convert string to float: {s:?}"))),
                Some(other) => Err(Fail::type_error(format!("float() of a {} is not supported", other.type_name())).hint("use `.cast(pl.Float64)` on expressions")),
            },
            "bool" => match a.get("x") {
                None => Ok(Value::Bool(false)),
                Some(v) => {
                    let v = v.clone();
                    Ok(Value::Bool(self.truthy(&v)?))
                }
            },
            "isinstance" => {
                let obj = a.required("obj")?.clone();
                let classes = a.required("classinfo")?.clone();
                let classes = classes.sequence_items().unwrap_or_else(|| vec![classes]);
                let mut hit = false;
                for class in classes {
                    hit |= match (&class, &obj) {
                        (Value::Builtin("int"), Value::Int(_) | Value::Bool(_)) => true,
                        (Value::Builtin("float"), Value::Float(_)) => true,
                        (Value::Builtin("str"), Value::Str(_)) => true,
                        (Value::Builtin("bool"), Value::Bool(_)) => true,
                        (Value::Builtin("list"), Value::List(_)) => true,
                        (Value::Builtin("tuple"), Value::Tuple(_)) => true,
                        (Value::ModuleFunction(super::values::Module::Polars, "Expr"), Value::Expr(_) | Value::When(_) | Value::Selector(_)) => true,
                        (Value::ModuleFunction(super::values::Module::Polars, "DataFrame" | "LazyFrame"), Value::Frame(_)) => true,
                        (Value::ModuleFunction(super::values::Module::Polars, "Series"), Value::Column(_)) => true,
                        (Value::Builtin("dict"), Value::Dict(_)) => true,
                        (Value::DType(class), Value::DType(dtype)) => super::values::dtype_matches(class, dtype),
                        (Value::Builtin(_), _) | (Value::DType(_), _) => false,
                        (Value::ModuleFunction(super::values::Module::Polars, "Expr" | "DataFrame" | "LazyFrame" | "Series"), _) => false,
                        (other, _) => return Err(Fail::type_error(format!("isinstance() does not accept a {} as class", other.type_name()))),
                    };
                }
                Ok(Value::Bool(hit))
            }
            _ => Err(Fail::type_error(format!("{name}() is not available"))),
        }
    }
}

pub(crate) fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}

fn parse_float(s: &str) -> Option<f64> {
    match s.trim().to_ascii_lowercase().as_str() {
        "nan" => Some(f64::NAN),
        "inf" | "infinity" | "+inf" => Some(f64::INFINITY),
        "-inf" | "-infinity" => Some(f64::NEG_INFINITY),
        other => other.parse().ok(),
    }
}
