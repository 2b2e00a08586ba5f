// Operators and protocols: binary/unary arithmetic and logic on Python values and Polars
// expressions, comparisons, truthiness, iteration, subscripts and slices.

use polars::prelude::*;

use super::conversions::StrAs;
use super::failure::{Fail, Result};
use super::values::{Column, Value};
use super::Interpreter;
use crate::diagnostics::Code;
use crate::parse::ast;

impl Interpreter<'_, '_> {
    pub fn binary(&mut self, op: ast::Operator, left: Value, right: Value) -> Result<Value> {
        use ast::Operator as O;
        // Selector set algebra stays a selector.
        if let (Value::Selector(a), Value::Selector(b)) = (&left, &right) {
            let (a, b) = (a.clone(), b.clone());
            match op {
                O::BitOr => return Ok(Value::Selector(a | b)),
                O::BitAnd => return Ok(Value::Selector(a & b)),
                O::Sub => return Ok(Value::Selector(a - b)),
                O::BitXor => return Ok(Value::Selector(a ^ b)),
                _ => {}
            }
        }
        if left.is_expression_like() || right.is_expression_like() {
            return self.binary_expr(op, left, right);
        }
        if let (Value::Column(_), _) | (_, Value::Column(_)) = (&left, &right) {
            return self.binary_expr(op, left, right);
        }
        python_binary(op, left, right, self)
    }

    fn binary_expr(&mut self, op: ast::Operator, left: Value, right: Value) -> Result<Value> {
        use ast::Operator as O;
        let frame = self.result_frame(&left, &right);
        if matches!(left, Value::List(_) | Value::Tuple(_) | Value::Dict(_)) || matches!(right, Value::List(_) | Value::Tuple(_) | Value::Dict(_)) {
            return Err(Fail::type_error("arithmetic between an expression and a list is not supported"));
        }
        let a = self.to_expr(left, StrAs::Literal)?;
        let b = self.to_expr(right, StrAs::Literal)?;
        let expr = match op {
            O::Add => a + b,
            O::Sub => a - b,
            O::Mult => a * b,
            O::Div => a.true_div(b),
            O::FloorDiv => a.floor_div(b),
            O::Mod => a % b,
            O::Pow => a.pow(b),
            O::BitAnd => a.and(b),
            O::BitOr => a.or(b),
            O::BitXor => a.xor(b),
            _ => return Err(Fail::new(Code::UnsupportedExpression, "this operator is not supported on expressions")),
        };
        Ok(wrap(expr, frame))
    }

    pub fn unary(&mut self, op: ast::UnaryOp, operand: Value) -> Result<Value> {
        use ast::UnaryOp as U;
        if let Value::Selector(s) = &operand {
            if matches!(op, U::Invert) {
                return Ok(Value::Selector(!s.clone()));
            }
        }
        if operand.is_expression_like() {
            let frame = if let Value::Column(c) = &operand { Some((c.frame.clone(), c.with_expressions)) } else { None };
            let e = self.to_expr(operand, StrAs::Column)?;
            let out = match op {
                U::Invert => e.not(),
                U::USub => -e,
                U::UAdd => e,
                U::Not => return Err(truth_of_expr()),
            };
            return Ok(wrap(out, frame));
        }
        match (op, operand) {
            (U::Not, v) => Ok(Value::Bool(!self.truthy(&v)?)),
            (U::USub, Value::Int(i)) => i.checked_neg().map(Value::Int).ok_or_else(overflow),
            (U::USub, Value::Float(f)) => Ok(Value::Float(-f)),
            (U::USub, Value::Bool(b)) => Ok(Value::Int(-(b as i64))),
            (U::UAdd, v @ (Value::Int(_) | Value::Float(_))) => Ok(v),
            (U::Invert, Value::Int(i)) => Ok(Value::Int(!i)),
            (_, v) => Err(Fail::type_error(format!("bad operand type for unary operator: {}", v.type_name()))),
        }
    }

    pub fn compare(&mut self, op: ast::CmpOp, left: Value, right: Value) -> Result<Value> {
        use ast::CmpOp as C;
        if matches!(op, C::In | C::NotIn) {
            if left.is_expression_like() {
                return Err(Fail::type_error("`in` cannot test an expression").hint("use `pl.col(\"x\").is_in([...])`"));
            }
            let found = self.contains(&right, &left)?;
            return Ok(Value::Bool(if matches!(op, C::In) { found } else { !found }));
        }
        if matches!(op, C::Is | C::IsNot) {
            let same = match (&left, &right) {
                (Value::None, Value::None) => true,
                (Value::Bool(a), Value::Bool(b)) => a == b,
                (Value::None, _) | (_, Value::None) => false,
                (Value::DType(a), Value::DType(b)) => a == b,
                _ => return Err(Fail::type_error("`is` is only supported with None, True, False and data types").hint("use `==`")),
            };
            return Ok(Value::Bool(if matches!(op, C::Is) { same } else { !same }));
        }
        if left.is_expression_like() || right.is_expression_like() {
            let frame = self.result_frame(&left, &right);
            let a = self.to_expr(left, StrAs::Literal)?;
            let b = self.to_expr(right, StrAs::Literal)?;
            let e = match op {
                C::Eq => a.eq(b),
                C::NotEq => a.neq(b),
                C::Lt => a.lt(b),
                C::LtE => a.lt_eq(b),
                C::Gt => a.gt(b),
                C::GtE => a.gt_eq(b),
                _ => unreachable!("handled above"),
            };
            return Ok(wrap(e, frame));
        }
        let result = match op {
            C::Eq => left.py_eq(&right),
            C::NotEq => !left.py_eq(&right),
            _ => {
                let ordering = py_order(&left, &right)?;
                match op {
                    C::Lt => ordering.is_lt(),
                    C::LtE => ordering.is_le(),
                    C::Gt => ordering.is_gt(),
                    _ => ordering.is_ge(),
                }
            }
        };
        Ok(Value::Bool(result))
    }

    pub fn truthy(&mut self, value: &Value) -> Result<bool> {
        Ok(match value {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) => !d.borrow().entries.is_empty(),
            Value::Expr(_) | Value::When(_) | Value::Selector(_) | Value::Column(_) => return Err(truth_of_expr()),
            Value::Frame(_) => return Err(Fail::type_error("the truth value of a DataFrame is ambiguous").hint("use `df.height > 0`")),
            _ => true,
        })
    }

    fn contains(&mut self, container: &Value, item: &Value) -> Result<bool> {
        Ok(match container {
            Value::List(_) | Value::Tuple(_) => container.sequence_items().unwrap_or_default().iter().any(|x| x.py_eq(item)),
            Value::Dict(d) => d.borrow().get(item).is_some(),
            Value::Str(s) => match item {
                Value::Str(sub) => s.contains(sub.as_ref()),
                _ => return Err(Fail::type_error("`in <str>` needs a str on the left")),
            },
            Value::Frame(frame) => {
                let schema = self.schema_of(&frame.lf)?;
                item.as_str().is_some_and(|n| schema.contains(n))
            }
            other => return Err(Fail::type_error(format!("`in` is not supported on a {}", other.type_name()))),
        })
    }

    /// The items of an iterable value.
    pub fn iterate(&mut self, value: &Value) -> Result<Vec<Value>> {
        Ok(match value {
            Value::List(_) | Value::Tuple(_) => value.sequence_items().unwrap_or_default(),
            Value::Dict(d) => d.borrow().entries.iter().map(|(k, _)| k.clone()).collect(),
            Value::Str(s) => s.chars().map(|c| Value::str(c.to_string())).collect(),
            Value::Column(column) => self.series_values(column)?,
            Value::Frame(_) => return Err(Fail::type_error("iterating over a frame's rows is not supported").hint("loop over `df.columns`, or use expressions")),
            other => return Err(Fail::type_error(format!("a {} is not iterable", other.type_name()))),
        })
    }

    pub fn subscript(&mut self, container: Value, key: Value) -> Result<Value> {
        match (&container, &key) {
            (Value::List(_) | Value::Tuple(_), Value::Int(i)) => {
                let items = container.sequence_items().unwrap_or_default();
                let index = normalize_index(*i, items.len()).ok_or_else(|| Fail::value_error("index out of range"))?;
                Ok(items[index].clone())
            }
            (Value::Str(s), Value::Int(i)) => {
                let chars: Vec<char> = s.chars().collect();
                let index = normalize_index(*i, chars.len()).ok_or_else(|| Fail::value_error("string index out of range"))?;
                Ok(Value::str(chars[index].to_string()))
            }
            (Value::Dict(d), _) => d.borrow().get(&key).cloned().ok_or_else(|| Fail::value_error(format!("key {} not found", super::conversions::repr(&key)))),
            (Value::Frame(frame), Value::Str(name)) => {
                let expr = self.column(name);
                Ok(Value::Column(Column::of(frame.clone(), expr)))
            }
            (Value::Frame(frame), Value::Tuple(pair)) if pair.len() == 2 => self.frame_cell_or_block(frame.clone(), pair[0].clone(), pair[1].clone()),
            (Value::Frame(frame), Value::List(items)) if items.borrow().iter().all(|v| matches!(v, Value::Int(_))) && !items.borrow().is_empty() => {
                self.frame_rows_at(frame.clone(), key.sequence_items().unwrap_or_default())
            }
            (Value::Frame(_), Value::Int(_)) => {
                Err(Fail::type_error("`df[i]` with one int is not supported").hint("use `df.row(i)` for a row, or `df[i, \"column\"]` for one value"))
            }
            (Value::Frame(frame), Value::List(_) | Value::Tuple(_)) => {
                let names = self.names_from(key.sequence_items().unwrap_or_default())?;
                let exprs: Vec<Expr> = names.iter().map(|n| self.column(n)).collect();
                self.derive(frame, |lf| lf.select(exprs.clone()))
            }
            (Value::Column(column), Value::Int(i)) => {
                let picked = column.frame.data().clone().select([column.expr.clone().slice(super::conversions::dyn_int(*i), super::conversions::dyn_int(1))]);
                let df = self.collect(picked)?;
                let series = df.columns().first().ok_or_else(|| Fail::value_error("index out of range"))?;
                if series.is_empty() {
                    return Err(Fail::value_error("index out of range"));
                }
                Ok(super::collect::value_of(series.get(0).map_err(Fail::from)?))
            }
            _ => Err(Fail::type_error(format!("a {} cannot be indexed with a {}", container.type_name(), key.type_name()))),
        }
    }

    pub fn slice(&mut self, container: Value, lower: Option<Value>, upper: Option<Value>, step: Option<Value>) -> Result<Value> {
        let as_int = |v: Option<Value>| -> Result<Option<i64>> {
            match v {
                None | Some(Value::None) => Ok(None),
                Some(Value::Int(i)) => Ok(Some(i)),
                Some(other) => Err(Fail::type_error(format!("slice indices must be integers, not {}", other.type_name()))),
            }
        };
        let (lower, upper, step) = (as_int(lower)?, as_int(upper)?, as_int(step)?.unwrap_or(1));
        if step == 0 {
            return Err(Fail::value_error("slice step cannot be zero"));
        }
        let pick = |len: usize| -> Vec<usize> { slice_indices(len, lower, upper, step) };
        match &container {
            Value::List(_) | Value::Tuple(_) => {
                let items = container.sequence_items().unwrap_or_default();
                let picked: Vec<Value> = pick(items.len()).into_iter().map(|i| items[i].clone()).collect();
                Ok(if matches!(container, Value::Tuple(_)) { Value::tuple(picked) } else { Value::list(picked) })
            }
            Value::Str(s) => {
                let chars: Vec<char> = s.chars().collect();
                Ok(Value::str(pick(chars.len()).into_iter().map(|i| chars[i]).collect::<String>()))
            }
            Value::Frame(frame) if step == 1 && lower.unwrap_or(0) >= 0 && upper.is_none_or(|u| u >= 0) => {
                let start = lower.unwrap_or(0);
                let length = match upper {
                    Some(u) => (u - start).max(0) as IdxSize,
                    None => IdxSize::MAX,
                };
                self.derive(frame, |lf| lf.slice(start, length))
            }
            other => Err(Fail::type_error(format!("a {} cannot be sliced here", other.type_name()))),
        }
    }
}

/// An operator's result: a Series of `frame` (and whether it was combined with expressions), or
/// an expression.
fn wrap(expr: Expr, frame: Option<(super::values::Frame, bool)>) -> Value {
    match frame {
        Some((frame, with_expressions)) => Value::Column(Column { frame, expr, with_expressions }),
        None => Value::Expr(expr),
    }
}

impl Interpreter<'_, '_> {
    /// The frame an operator on these operands belongs to: a Series with a Series or a value
    /// stays a Series of its frame; with an expression (`pl.col("a") + df["x"]`) it is marked
    /// as combined with expressions. An eager Series is inlined as a literal, so with an
    /// expression it makes a plain expression.
    fn result_frame(&self, left: &Value, right: &Value) -> Option<(super::values::Frame, bool)> {
        let is_expression = |v: &Value| matches!(v, Value::Expr(_) | Value::When(_) | Value::Selector(_));
        match (left, right) {
            (Value::Column(c), other) | (other, Value::Column(c)) if self.is_eager_frame(c.frame.id) && is_expression(other) => None,
            (Value::Column(c), other) | (other, Value::Column(c)) => {
                let other_mixed = matches!(other, Value::Column(o) if o.with_expressions);
                Some((c.frame.clone(), c.with_expressions || other_mixed || is_expression(other)))
            }
            _ => None,
        }
    }
}

fn truth_of_expr() -> Fail {
    Fail::type_error("the truth value of an expression is ambiguous (as in Python Polars)")
        .hint("combine conditions with `&`, `|` and `~` (with parentheses), and branch with `pl.when(...).then(...).otherwise(...)`")
}

fn overflow() -> Fail {
    Fail::value_error("integer overflow (the feature language uses 64-bit integers)")
}

fn normalize_index(i: i64, len: usize) -> Option<usize> {
    let len = len as i64;
    let index = if i < 0 { i + len } else { i };
    (0..len).contains(&index).then_some(index as usize)
}

fn slice_indices(len: usize, lower: Option<i64>, upper: Option<i64>, step: i64) -> Vec<usize> {
    let len = len as i64;
    let clamp = |v: i64, lo: i64, hi: i64| v.max(lo).min(hi);
    let resolve = |v: i64| if v < 0 { v + len } else { v };
    let mut out = Vec::new();
    if step > 0 {
        let start = clamp(lower.map(resolve).unwrap_or(0), 0, len);
        let stop = clamp(upper.map(resolve).unwrap_or(len), 0, len);
        let mut i = start;
        while i < stop {
            out.push(i as usize);
            i += step;
        }
    } else {
        let start = clamp(lower.map(resolve).unwrap_or(len - 1), -1, len - 1);
        let stop = clamp(upper.map(resolve).unwrap_or(-1), -1, len - 1);
        let mut i = start;
        while i > stop {
            out.push(i as usize);
            i += step;
        }
    }
    out
}

pub(crate) fn py_order(a: &Value, b: &Value) -> Result<std::cmp::Ordering> {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Ok(x.cmp(y)),
        (Value::List(_) | Value::Tuple(_), Value::List(_) | Value::Tuple(_)) => {
            let (xs, ys) = (a.sequence_items().unwrap_or_default(), b.sequence_items().unwrap_or_default());
            for (x, y) in xs.iter().zip(&ys) {
                let o = py_order(x, y)?;
                if o.is_ne() {
                    return Ok(o);
                }
            }
            Ok(xs.len().cmp(&ys.len()))
        }
        _ => match (a, b) {
            (Value::Str(_), _) | (_, Value::Str(_)) => Err(Fail::type_error(format!("`<` is not supported between {} and {}", a.type_name(), b.type_name()))),
            _ => match (a.as_f64(), b.as_f64()) {
                (Some(x), Some(y)) => Ok(x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal)),
                _ => Err(Fail::type_error(format!("`<` is not supported between {} and {}", a.type_name(), b.type_name()))),
            },
        },
    }
}

pub(crate) fn py_sort(items: &mut [Value]) -> Result<()> {
    let mut error = None;
    items.sort_by(|a, b| match py_order(a, b) {
        Ok(o) => o,
        Err(e) => {
            error.get_or_insert(e);
            std::cmp::Ordering::Equal
        }
    });
    match error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

fn python_binary(op: ast::Operator, left: Value, right: Value, me: &Interpreter<'_, '_>) -> Result<Value> {
    use ast::Operator as O;
    use Value as V;
    let type_error = |l: &Value, r: &Value| Fail::type_error(format!("unsupported operand types for this operator: {} and {}", l.type_name(), r.type_name()));
    Ok(match (op, &left, &right) {
        (O::Add, V::Str(a), V::Str(b)) => V::str(format!("{a}{b}")),
        (O::Add, V::List(_), V::List(_)) | (O::Add, V::Tuple(_), V::Tuple(_)) => {
            let mut items = left.sequence_items().unwrap_or_default();
            items.extend(right.sequence_items().unwrap_or_default());
            me.check_list_len(items.len())?;
            if matches!(left, V::Tuple(_)) { V::tuple(items) } else { V::list(items) }
        }
        (O::Mult, V::List(_) | V::Tuple(_) | V::Str(_), V::Int(n)) | (O::Mult, V::Int(n), V::List(_) | V::Tuple(_) | V::Str(_)) => {
            let seq = if matches!(left, V::Int(_)) { &right } else { &left };
            let n = (*n).max(0) as usize;
            if let V::Str(s) = seq {
                me.check_list_len(s.len().saturating_mul(n) / 100)?;
                return Ok(V::str(s.repeat(n)));
            }
            let items = seq.sequence_items().unwrap_or_default();
            me.check_list_len(items.len().saturating_mul(n))?;
            let out: Vec<Value> = (0..n).flat_map(|_| items.clone()).collect();
            if matches!(seq, V::Tuple(_)) { V::tuple(out) } else { V::list(out) }
        }
        (O::Mod, V::Str(_), _) => return Err(Fail::new(Code::StringFormatting, "`%` string formatting is not allowed").hint("use an f-string")),
        (O::BitOr, V::Dict(a), V::Dict(b)) => {
            let mut merged = a.borrow().clone();
            for (k, v) in b.borrow().entries.iter() {
                merged.insert(k.clone(), v.clone());
            }
            V::dict(merged)
        }
        _ => {
            let ints = |v: &Value| match v {
                V::Int(i) => Some(*i),
                V::Bool(b) => Some(*b as i64),
                _ => None,
            };
            if let (Some(a), Some(b)) = (ints(&left), ints(&right)) {
                return int_binary(op, a, b, matches!((&left, &right), (V::Bool(_), V::Bool(_))));
            }
            let (Some(a), Some(b)) = (left.as_f64(), right.as_f64()) else {
                return Err(type_error(&left, &right));
            };
            if matches!(left, V::Str(_)) || matches!(right, V::Str(_)) {
                return Err(type_error(&left, &right));
            }
            V::Float(match op {
                O::Add => a + b,
                O::Sub => a - b,
                O::Mult => a * b,
                O::Div => {
                    if b == 0.0 {
                        return Err(Fail::value_error("float division by zero"));
                    }
                    a / b
                }
                O::FloorDiv => {
                    if b == 0.0 {
                        return Err(Fail::value_error("float floor division by zero"));
                    }
                    (a / b).floor()
                }
                O::Mod => {
                    if b == 0.0 {
                        return Err(Fail::value_error("float modulo by zero"));
                    }
                    let r = a % b;
                    if r != 0.0 && (r < 0.0) != (b < 0.0) { r + b } else { r }
                }
                O::Pow => a.powf(b),
                _ => return Err(type_error(&left, &right)),
            })
        }
    })
}

fn int_binary(op: ast::Operator, a: i64, b: i64, both_bool: bool) -> Result<Value> {
    use ast::Operator as O;
    let checked = |v: Option<i64>| v.map(Value::Int).ok_or_else(overflow);
    match op {
        O::Add => checked(a.checked_add(b)),
        O::Sub => checked(a.checked_sub(b)),
        O::Mult => checked(a.checked_mul(b)),
        O::Div => {
            if b == 0 {
                return Err(Fail::value_error("division by zero"));
            }
            Ok(Value::Float(a as f64 / b as f64))
        }
        O::FloorDiv => {
            if b == 0 {
                return Err(Fail::value_error("integer division by zero"));
            }
            let q = a.checked_div(b).ok_or_else(overflow)?;
            Ok(Value::Int(if a % b != 0 && ((a < 0) != (b < 0)) { q - 1 } else { q }))
        }
        O::Mod => {
            if b == 0 {
                return Err(Fail::value_error("integer modulo by zero"));
            }
            let r = a % b;
            Ok(Value::Int(if r != 0 && (r < 0) != (b < 0) { r + b } else { r }))
        }
        O::Pow => {
            if b < 0 {
                Ok(Value::Float((a as f64).powf(b as f64)))
            } else {
                checked(u32::try_from(b).ok().and_then(|e| a.checked_pow(e)))
            }
        }
        O::BitAnd if both_bool => Ok(Value::Bool(a & b != 0)),
        O::BitOr if both_bool => Ok(Value::Bool(a | b != 0)),
        O::BitXor if both_bool => Ok(Value::Bool(a ^ b != 0)),
        O::BitAnd => Ok(Value::Int(a & b)),
        O::BitOr => Ok(Value::Int(a | b)),
        O::BitXor => Ok(Value::Int(a ^ b)),
        _ => Err(Fail::new(Code::UnsupportedExpression, "this operator is not supported")),
    }
}
