// Plain-Python helper code around Polars: `*args`/`**kwargs` helpers, generator helpers (`yield`),
// `raise`, `getattr` with an allowlisted name, and `key=` lambdas of sorted/min/max.
//!
//! None of these reaches a Python object: `getattr` resolves a name through the same allowlist
//! as `obj.name` written out, a generator's items are made eagerly into a list (counted against
//! the list budget), and a `key=` lambda is an expression evaluated on plain values.

use super::args::CallArgs;
use super::failure::{Fail, Result};
use super::operators::py_order;
use super::values::{Dict, Value};
use super::Interpreter;
use crate::allowlist;
use crate::check::refused_attribute_diagnostic;
use crate::diagnostics::Code;
use crate::parse::ast;

/// The local name under which a generator helper collects what it yields (names starting with
/// `__` are refused by the checker, so cell code cannot reach it).
pub(crate) const YIELDED: &str = "__fe_yielded";

/// Whether a helper's body yields (then a call returns the list of what it yielded).
pub(crate) fn is_generator(def: &ast::StmtFunctionDef) -> bool {
    fn stmts(body: &[ast::Stmt]) -> bool {
        body.iter().any(|stmt| match stmt {
            ast::Stmt::Expr(s) => matches!(s.value.as_ref(), ast::Expr::Yield(_) | ast::Expr::YieldFrom(_)),
            ast::Stmt::For(s) => stmts(&s.body) || stmts(&s.orelse),
            ast::Stmt::If(s) => stmts(&s.body) || stmts(&s.orelse),
            _ => false,
        })
    }
    stmts(&def.body)
}

/// Take a helper's `*args` (the positional arguments beyond its parameters, as a tuple) and
/// `**kwargs` (keywords it has no parameter for, as a dict) out of a call's arguments.
pub(crate) fn split_star_arguments(
    def: &ast::StmtFunctionDef,
    params: &[&ast::ArgWithDefault],
    kwonly: &[&ast::ArgWithDefault],
    mut args: CallArgs,
) -> (CallArgs, Vec<(String, Value)>) {
    let mut starred = Vec::new();
    if let Some(vararg) = &def.args.vararg {
        let extra = if args.positional.len() > params.len() { args.positional.split_off(params.len()) } else { Vec::new() };
        starred.push((vararg.arg.to_string(), Value::tuple(extra)));
    }
    if let Some(kwarg) = &def.args.kwarg {
        let named = |name: &str| params.iter().chain(kwonly).any(|p| p.def.arg.as_str() == name);
        let (known, extra): (Vec<_>, Vec<_>) = args.keywords.into_iter().partition(|(name, _)| named(name));
        args.keywords = known;
        let mut dict = Dict::default();
        for (name, value) in extra {
            dict.insert(Value::str(name), value);
        }
        starred.push((kwarg.arg.to_string(), Value::dict(dict)));
    }
    (args, starred)
}

impl Interpreter<'_, '_> {
    /// Calls handled before their arguments are evaluated the usual way: `getattr(obj, name)` and
    /// `sorted`/`min`/`max` with a `key=` lambda. `None` for every other call.
    pub fn python_helper_call(&mut self, call: &ast::ExprCall) -> Result<Option<Value>> {
        let ast::Expr::Name(name) = call.func.as_ref() else {
            return Ok(None);
        };
        let name = name.id.as_str();
        if name == "getattr" && self.lookup(name).is_none() && call.args.len() == 2 {
            let object = self.eval(&call.args[0])?;
            let attribute = self.eval(&call.args[1])?;
            let span = self.map.of(&call.args[1]);
            return self.getattr(object, &attribute).map(Some).map_err(|f| f.at(span, "getattr"));
        }
        let key_lambda = call.keywords.iter().find_map(|k| match (&k.arg, &k.value) {
            (Some(arg), ast::Expr::Lambda(lambda)) if arg.as_str() == "key" => Some(lambda),
            _ => None,
        });
        if let (Some(lambda), "sorted" | "min" | "max") = (key_lambda, name) {
            if matches!(self.lookup(name), Some(Value::Builtin(_))) {
                let span = self.map.of(call);
                return self.call_with_key(name, call, lambda).map(Some).map_err(|f| f.at(span, name));
            }
        }
        Ok(None)
    }

    /// `getattr(object, name)`: the name must be a string the allowlist accepts as an attribute,
    /// checked exactly as the checker checks `object.name` written out.
    fn getattr(&mut self, object: Value, attribute: &Value) -> Result<Value> {
        let Value::Str(name) = attribute else {
            return Err(Fail::type_error(format!("getattr(): the attribute name must be a str, not a {}", attribute.type_name())));
        };
        let name: &str = name;
        if name.starts_with('_') {
            return Err(Fail::new(Code::PrivateAttribute, format!("private and dunder attributes are not accessible (`{name}`)"))
                .hint("use only the public Polars API listed in docs/feature-language.md"));
        }
        if let Some(refusal) = allowlist::refused_attribute(name) {
            let d = refused_attribute_diagnostic(refusal, name, Default::default());
            let mut fail = Fail::new(d.code, d.message);
            fail.hint = d.hint;
            return Err(fail);
        }
        if !allowlist::is_known_attribute(name) {
            return Err(Fail::new(Code::UnknownAttribute, format!("`{name}` is not part of the feature language"))
                .hint("see docs/feature-language.md for every accepted name"));
        }
        if let Value::Record(_, fields) = &object {
            if let Some((_, v)) = fields.iter().find(|(n, _)| *n == name) {
                return Ok(v.clone());
            }
        }
        // A namespace (`dt`), a module's function or a frame's property resolves now; anything
        // else is a method, called later through `call_method` and its allowlist binding.
        match self.property(object.clone(), name) {
            Ok(value) => Ok(value),
            Err(_) => Ok(Value::Method(std::rc::Rc::new((object, name.to_string())))),
        }
    }

    /// `sorted(iterable, key=lambda x: …, reverse=…)`, `min(…, key=lambda …)`, `max(…)`: the
    /// lambda's body is evaluated once per item with its parameter bound (Python's stable sort).
    fn call_with_key(&mut self, name: &str, call: &ast::ExprCall, lambda: &ast::ExprLambda) -> Result<Value> {
        let Some(param) = lambda.args.args.first().or(lambda.args.posonlyargs.first()) else {
            return Err(Fail::new(Code::Lambda, "a `key=` lambda takes exactly one parameter"));
        };
        let param = param.def.arg.to_string();
        let mut positional = Vec::new();
        for arg in &call.args {
            if let ast::Expr::Starred(s) = arg {
                let value = self.eval(&s.value)?;
                positional.extend(self.iterate(&value)?);
            } else {
                positional.push(self.eval(arg)?);
            }
        }
        let mut reverse = false;
        for keyword in &call.keywords {
            match keyword.arg.as_ref().map(|a| a.as_str()) {
                Some("key") => {}
                Some("reverse") if name == "sorted" => {
                    let value = self.eval(&keyword.value)?;
                    reverse = self.truthy(&value)?;
                }
                other => return Err(Fail::type_error(format!("{name}() got an unexpected keyword argument `{}`", other.unwrap_or("**")))),
            }
        }
        let items = match (name, positional.len()) {
            ("sorted", 1) | (_, 1) => self.iterate(&positional[0])?,
            ("sorted", n) => return Err(Fail::type_error(format!("sorted() takes one iterable, {n} given"))),
            _ => positional,
        };
        self.check_list_len(items.len())?;
        let saved = self.lookup(&param);
        let mut keyed = Vec::with_capacity(items.len());
        let mut failure = None;
        for item in items {
            self.loop_iteration()?;
            self.assign_name(&param, item.clone());
            match self.eval(&lambda.body) {
                Ok(key) => keyed.push((key, item)),
                Err(f) => {
                    failure = Some(f);
                    break;
                }
            }
        }
        match saved {
            Some(v) => self.assign_name(&param, v),
            None => self.unbind(&param),
        }
        if let Some(f) = failure {
            return Err(f);
        }
        if name != "sorted" {
            if keyed.is_empty() {
                return Err(Fail::value_error(format!("{name}() of an empty sequence")));
            }
            // The first item with the smallest (min) or largest (max) key, as Python.
            let mut best = 0;
            for i in 1..keyed.len() {
                let order = py_order(&keyed[i].0, &keyed[best].0)?;
                if (name == "min" && order.is_lt()) || (name == "max" && order.is_gt()) {
                    best = i;
                }
            }
            return Ok(keyed.swap_remove(best).1);
        }
        let mut error = None;
        // Python's `reverse=True` keeps equal keys in their original order.
        keyed.sort_by(|a, b| {
            let order = match py_order(&a.0, &b.0) {
                Ok(o) => o,
                Err(e) => {
                    error.get_or_insert(e);
                    std::cmp::Ordering::Equal
                }
            };
            if reverse { order.reverse() } else { order }
        });
        if let Some(e) = error {
            return Err(e);
        }
        Ok(Value::list(keyed.into_iter().map(|(_, item)| item).collect()))
    }

    /// `raise ValueError("…")`: the cell stops with that error and message.
    pub fn raise_statement(&mut self, s: &ast::StmtRaise) -> Fail {
        let Some(exc) = &s.exc else {
            return Fail::new(Code::TryStatement, "a bare `raise` has no exception to re-raise");
        };
        let (class, args) = match exc.as_ref() {
            ast::Expr::Call(call) => (call.func.as_ref(), call.args.as_slice()),
            other => (other, &[][..]),
        };
        let class = match class {
            ast::Expr::Name(n) => n.id.to_string(),
            _ => "Exception".to_string(),
        };
        let mut parts = Vec::new();
        for arg in args {
            match self.eval(arg) {
                Ok(v) => parts.push(super::conversions::to_py_str(&v)),
                Err(f) => return f,
            }
        }
        let message = match parts.len() {
            0 => class.clone(),
            1 => format!("{class}: {}", parts[0]),
            _ => format!("{class}: ({})", parts.join(", ")),
        };
        let code = if class == "TypeError" { Code::TypeError } else { Code::ValueError };
        Fail::new(code, format!("the cell raised {message}")).hint("nothing was changed; fix the input that the check in the code refused").construct("raise")
    }

    /// `class Name:` whose body is `@staticmethod` helpers (the checker allows nothing else): a
    /// record of those functions, called as `Name.helper(...)`.
    pub fn static_method_class(&mut self, class: &ast::StmtClassDef) -> Result<Value> {
        let mut fields = Vec::new();
        for stmt in &class.body {
            if let ast::Stmt::FunctionDef(def) = stmt {
                let name = def.name.as_str();
                let saved = self.lookup(name);
                // Made exactly as a top-level `def` is, then taken out of the scope again.
                self.statements(std::slice::from_ref(stmt))?;
                if let Some(function) = self.lookup(name) {
                    fields.push((name.to_string(), function));
                }
                match saved {
                    Some(v) => self.assign_name(name, v),
                    None => self.unbind(name),
                }
            }
        }
        Ok(Value::Record("class", std::rc::Rc::new(fields)))
    }

    /// A failed `assert test, msg`: the cell stops with AssertionError.
    pub fn assertion_failed(&mut self, msg: Option<&ast::Expr>) -> Fail {
        let text = match msg.map(|m| self.eval(m)) {
            Some(Ok(v)) => format!("AssertionError: {}", super::conversions::to_py_str(&v)),
            Some(Err(f)) => return f,
            None => "AssertionError".to_string(),
        };
        Fail::new(Code::ValueError, format!("the cell raised {text}")).hint("nothing was changed; the assertion in the code does not hold for this data").construct("assert")
    }

    /// `yield value` in a generator helper: add the value to the helper's items.
    pub fn yield_statement(&mut self, value: Option<&ast::Expr>, from: bool) -> Result<()> {
        let Some(Value::List(items)) = self.locals.last().and_then(|scope| scope.get(YIELDED)).cloned() else {
            return Err(Fail::new(Code::Generator, "`yield` outside a helper function"));
        };
        let new = match value {
            None => vec![Value::None],
            Some(e) => {
                let v = self.eval(e)?;
                if from { self.iterate(&v)? } else { vec![v] }
            }
        };
        items.borrow_mut().extend(new);
        let len = items.borrow().len();
        self.check_list_len(len)
    }
}

/// `np.iinfo(int type)` / `np.finfo(float type)`: the type's limits, as NumPy gives them.
pub(crate) fn numeric_limits(name: &str, dtype: &polars::prelude::DataType) -> Result<Value> {
    use polars::prelude::DataType as D;
    let fields: Vec<(&'static str, Value)> = match (name, dtype) {
        ("iinfo", D::Int8) => vec![("min", Value::Int(i8::MIN as i64)), ("max", Value::Int(i8::MAX as i64)), ("bits", Value::Int(8))],
        ("iinfo", D::Int16) => vec![("min", Value::Int(i16::MIN as i64)), ("max", Value::Int(i16::MAX as i64)), ("bits", Value::Int(16))],
        ("iinfo", D::Int32) => vec![("min", Value::Int(i32::MIN as i64)), ("max", Value::Int(i32::MAX as i64)), ("bits", Value::Int(32))],
        ("iinfo", D::Int64) => vec![("min", Value::Int(i64::MIN)), ("max", Value::Int(i64::MAX)), ("bits", Value::Int(64))],
        ("iinfo", D::UInt8) => vec![("min", Value::Int(0)), ("max", Value::Int(u8::MAX as i64)), ("bits", Value::Int(8))],
        ("iinfo", D::UInt16) => vec![("min", Value::Int(0)), ("max", Value::Int(u16::MAX as i64)), ("bits", Value::Int(16))],
        ("iinfo", D::UInt32) => vec![("min", Value::Int(0)), ("max", Value::Int(u32::MAX as i64)), ("bits", Value::Int(32))],
        ("finfo", D::Float32) => vec![("min", Value::Float(f32::MIN as f64)), ("max", Value::Float(f32::MAX as f64)), ("eps", Value::Float(f32::EPSILON as f64)), ("bits", Value::Int(32))],
        ("finfo", D::Float64) => vec![("min", Value::Float(f64::MIN)), ("max", Value::Float(f64::MAX)), ("eps", Value::Float(f64::EPSILON)), ("bits", Value::Int(64))],
        ("iinfo", D::UInt64) => return Err(Fail::value_error("np.iinfo(np.uint64).max does not fit a 64-bit signed int here").hint("use np.iinfo(np.int64) or a smaller type")),
        _ => return Err(Fail::value_error(format!("np.{name}() does not know the type {dtype}")).hint(if name == "iinfo" { "pass an integer type such as np.int32" } else { "pass np.float32 or np.float64" })),
    };
    let fields = fields.into_iter().map(|(n, v)| (n.to_string(), v)).collect();
    Ok(Value::Record(if name == "iinfo" { "iinfo" } else { "finfo" }, std::rc::Rc::new(fields)))
}

/// NumPy's scalar type names as the Polars data types they stand for (`np.int8` …).
pub(crate) fn numpy_dtype(name: &str) -> Option<polars::prelude::DataType> {
    use polars::prelude::DataType as D;
    Some(match name {
        "int8" => D::Int8,
        "int16" => D::Int16,
        "int32" => D::Int32,
        "int64" => D::Int64,
        "uint8" => D::UInt8,
        "uint16" => D::UInt16,
        "uint32" => D::UInt32,
        "uint64" => D::UInt64,
        "float32" => D::Float32,
        "float64" => D::Float64,
        _ => return None,
    })
}
