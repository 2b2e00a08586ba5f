// The `math`, `numpy` and `itertools` modules: constants, scalar math, numpy element-wise
// functions on numbers and expressions, and bounded combinatorics over Python lists.


use super::args::CallArgs;
use super::conversions::{dyn_float, StrAs};
use super::failure::{Fail, Result};
use super::values::{Module, Value};
use super::Interpreter;
use crate::allowlist::Namespace;

/// Module constants (`math.pi`, `np.nan`, …).
pub(crate) fn constant(module: Module, name: &str) -> Option<Value> {
    if !matches!(module, Module::Math | Module::Numpy) {
        return None;
    }
    Some(Value::Float(match name {
        "pi" => std::f64::consts::PI,
        "e" => std::f64::consts::E,
        "tau" if module == Module::Math => std::f64::consts::TAU,
        "inf" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => return None,
    }))
}

fn scalar(a: &super::args::Bound, name: &str) -> Result<f64> {
    let v = a.required(name)?;
    match v {
        Value::Int(_) | Value::Float(_) | Value::Bool(_) => Ok(v.as_f64().unwrap_or(0.0)),
        other if other.is_expression_like() => Err(Fail::type_error(format!("`math.{}` works on numbers, not on a {}", a.function, other.type_name()))
            .hint(format!("use the expression method, e.g. `pl.col(\"x\").{}()`", expr_equivalent(a.function)))),
        other => Err(Fail::type_error(format!("`math.{}` needs a number, not a {}", a.function, other.type_name()))),
    }
}

fn expr_equivalent(name: &str) -> &str {
    match name {
        "fabs" => "abs",
        "atan" => "arctan",
        other => other,
    }
}

fn math_domain() -> Fail {
    Fail::value_error("math domain error")
}

impl Interpreter<'_, '_> {
    pub fn math_function(&mut self, name: &str, args: CallArgs) -> Result<Value> {
        let a = args.bind(Namespace::Math, name)?;
        let x = scalar(&a, "x")?;
        let out = match name {
            "sqrt" => {
                if x < 0.0 {
                    return Err(math_domain());
                }
                x.sqrt()
            }
            "log" => {
                if x <= 0.0 {
                    return Err(math_domain());
                }
                match a.get("base") {
                    Some(_) => x.ln() / scalar(&a, "base")?.ln(),
                    None => x.ln(),
                }
            }
            "log10" | "log2" | "log1p" => {
                if (name == "log1p" && x <= -1.0) || (name != "log1p" && x <= 0.0) {
                    return Err(math_domain());
                }
                match name {
                    "log10" => x.log10(),
                    "log2" => x.log2(),
                    _ => x.ln_1p(),
                }
            }
            "exp" => x.exp(),
            "floor" | "ceil" => {
                let r = if name == "floor" { x.floor() } else { x.ceil() };
                if !r.is_finite() {
                    return Err(Fail::value_error("cannot convert infinity or NaN to integer"));
                }
                return Ok(Value::Int(r as i64));
            }
            "fabs" => x.abs(),
            "pow" => x.powf(scalar(&a, "y")?),
            "isnan" => return Ok(Value::Bool(x.is_nan())),
            "isfinite" => return Ok(Value::Bool(x.is_finite())),
            "isinf" => return Ok(Value::Bool(x.is_infinite())),
            "sin" => x.sin(),
            "cos" => x.cos(),
            "tan" => x.tan(),
            "atan" => x.atan(),
            "tanh" => x.tanh(),
            "radians" => x.to_radians(),
            "degrees" => x.to_degrees(),
            _ => unreachable!("bound above"),
        };
        Ok(Value::Float(out))
    }

    /// `np.arange(start, stop=None, step=1)` of ints: a Python list (weights, positions), bounded
    /// by the list budget.
    fn numpy_arange(&mut self, a: &super::args::Bound) -> Result<Value> {
        let first = a.int("start", 0)?;
        let (start, stop) = match a.get("stop") {
            Some(_) => (first, a.int("stop", 0)?),
            None => (0, first),
        };
        let step = a.int("step", 1)?;
        if step == 0 {
            return Err(Fail::value_error("np.arange(): step must not be zero"));
        }
        let count = if step > 0 { (stop - start + step - 1).max(0) / step } else { (start - stop - step - 1).max(0) / -step };
        self.check_list_len(count as usize)?;
        Ok(Value::list((0..count).map(|i| Value::Int(start + i * step)).collect()))
    }

    pub fn numpy_function(&mut self, name: &str, args: CallArgs) -> Result<Value> {
        let a = args.bind(Namespace::Numpy, name)?;
        if name == "arange" {
            return self.numpy_arange(&a);
        }
        if name == "iinfo" || name == "finfo" {
            let Value::DType(dtype) = a.required(if name == "iinfo" { "int_type" } else { "float_type" })? else {
                return Err(Fail::type_error(format!("np.{name}() needs a NumPy type such as np.int32")));
            };
            return super::python_helpers::numeric_limits(name, dtype);
        }
        let x = a.required("x")?.clone();
        if x.is_expression_like() {
            if name == "isnan" {
                return Err(Fail::type_error("`np.isnan` works on numbers here").hint("use `pl.col(\"x\").is_nan()`"));
            }
            let e = self.to_expr(x, StrAs::Column)?;
            let out = match name {
                "log" => e.log(dyn_float(std::f64::consts::E)),
                "log1p" => e.log1p(),
                "log10" => e.log(dyn_float(10.0)),
                "log2" => e.log(dyn_float(2.0)),
                "exp" => e.exp(),
                "sqrt" => e.sqrt(),
                "abs" | "absolute" => e.abs(),
                "sign" => e.sign(),
                "floor" => e.floor(),
                "ceil" => e.ceil(),
                "sin" => e.sin(),
                "cos" => e.cos(),
                "tan" => e.tan(),
                "arctan" => e.arctan(),
                "tanh" => e.tanh(),
                "square" => e.pow(super::conversions::dyn_int(2)),
                "cbrt" => e.cbrt(),
                "radians" => e.radians(),
                "degrees" => e.degrees(),
                _ => unreachable!("bound above"),
            };
            return Ok(Value::Expr(out));
        }
        let v = match &x {
            Value::Int(_) | Value::Float(_) | Value::Bool(_) => x.as_f64().unwrap_or(0.0),
            other => return Err(Fail::type_error(format!("`np.{name}` needs a number or an expression, not a {}", other.type_name()))),
        };
        Ok(match name {
            "isnan" => Value::Bool(v.is_nan()),
            "abs" | "absolute" => match x {
                Value::Int(i) => Value::Int(i.abs()),
                _ => Value::Float(v.abs()),
            },
            "square" => match x {
                Value::Int(i) => Value::Int(i.saturating_mul(i)),
                _ => Value::Float(v * v),
            },
            "sign" => match x {
                Value::Int(i) => Value::Int(i.signum()),
                _ => Value::Float(if v.is_nan() { f64::NAN } else if v == 0.0 { 0.0 } else { v.signum() }),
            },
            _ => Value::Float(match name {
                "log" => v.ln(),
                "log1p" => v.ln_1p(),
                "log10" => v.log10(),
                "log2" => v.log2(),
                "exp" => v.exp(),
                "sqrt" => v.sqrt(),
                "floor" => v.floor(),
                "ceil" => v.ceil(),
                "sin" => v.sin(),
                "cos" => v.cos(),
                "tan" => v.tan(),
                "arctan" => v.atan(),
                "tanh" => v.tanh(),
                "cbrt" => v.cbrt(),
                "radians" => v.to_radians(),
                "degrees" => v.to_degrees(),
                _ => unreachable!("bound above"),
            }),
        })
    }

    pub fn itertools_function(&mut self, name: &str, args: CallArgs) -> Result<Value> {
        let a = args.bind(Namespace::Itertools, name)?;
        match name {
            "combinations" | "permutations" => {
                let items = self.iterate(a.required("iterable")?)?;
                let r = a.opt_int("r")?.unwrap_or(items.len() as i64).max(0) as usize;
                let mut out = Vec::new();
                let mut chosen = Vec::new();
                let mut used = vec![false; items.len()];
                self.choose(&items, r, name == "permutations", 0, &mut chosen, &mut used, &mut out)?;
                Ok(Value::list(out))
            }
            "product" => {
                let lists: Vec<Vec<Value>> = a.rest.iter().map(|v| self.iterate(v)).collect::<Result<_>>()?;
                let repeat = a.int("repeat", 1)?.max(0) as usize;
                let pools: Vec<Vec<Value>> = (0..repeat).flat_map(|_| lists.clone()).collect();
                let total = pools.iter().map(Vec::len).try_fold(1usize, |acc, n| acc.checked_mul(n)).unwrap_or(usize::MAX);
                self.check_list_len(total)?;
                let mut out: Vec<Vec<Value>> = vec![Vec::new()];
                for pool in &pools {
                    out = out.into_iter().flat_map(|prefix| pool.iter().map(move |v| {
                        let mut next = prefix.clone();
                        next.push(v.clone());
                        next
                    })).collect();
                }
                Ok(Value::list(out.into_iter().map(Value::tuple).collect()))
            }
            "combinations_with_replacement" => {
                let items = self.iterate(a.required("iterable")?)?;
                let r = a.int("r", 0)?.max(0) as usize;
                let mut out = Vec::new();
                let mut chosen = Vec::new();
                self.choose_with_replacement(&items, r, 0, &mut chosen, &mut out)?;
                Ok(Value::list(out))
            }
            "from_iterable" => {
                let mut out = Vec::new();
                for v in self.iterate(a.required("iterable")?)? {
                    out.extend(self.iterate(&v)?);
                    self.check_list_len(out.len())?;
                }
                Ok(Value::list(out))
            }
            "chain" => {
                let mut out = Vec::new();
                for v in &a.rest {
                    out.extend(self.iterate(v)?);
                    self.check_list_len(out.len())?;
                }
                Ok(Value::list(out))
            }
            _ => unreachable!("bound above"),
        }
    }

    fn choose_with_replacement(&mut self, items: &[Value], r: usize, start: usize, chosen: &mut Vec<Value>, out: &mut Vec<Value>) -> Result<()> {
        if chosen.len() == r {
            out.push(Value::tuple(chosen.clone()));
            return self.check_list_len(out.len());
        }
        for i in start..items.len() {
            self.step()?;
            chosen.push(items[i].clone());
            self.choose_with_replacement(items, r, i, chosen, out)?;
            chosen.pop();
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn choose(&mut self, items: &[Value], r: usize, ordered: bool, start: usize, chosen: &mut Vec<Value>, used: &mut Vec<bool>, out: &mut Vec<Value>) -> Result<()> {
        if chosen.len() == r {
            out.push(Value::tuple(chosen.clone()));
            return self.check_list_len(out.len());
        }
        let from = if ordered { 0 } else { start };
        for i in from..items.len() {
            if used[i] {
                continue;
            }
            self.step()?;
            used[i] = true;
            chosen.push(items[i].clone());
            self.choose(items, r, ordered, i + 1, chosen, used, out)?;
            chosen.pop();
            used[i] = false;
        }
        Ok(())
    }
}
