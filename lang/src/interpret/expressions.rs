// Evaluation of Python expression nodes: names, literals, containers, comprehensions,
// f-strings, subscripts, attribute access, calls and the dispatch of methods by value kind.

use std::rc::Rc;

use polars::prelude::*;

use super::args::CallArgs;
use super::collect::catch_polars_panic;
use super::failure::{Fail, Result};
use super::format_spec::format_value;
use super::values::{Dict, Module, Value};
use super::Interpreter;
use crate::allowlist::{self, Namespace};
use crate::diagnostics::Code;
use crate::parse::{ast, int_value};

impl Interpreter<'_, '_> {
    pub fn eval(&mut self, expr: &ast::Expr) -> Result<Value> {
        self.step().map_err(|f| f.at(self.map.of(expr), "expression"))?;
        use ast::Expr as E;
        let value = match expr {
            E::Constant(c) => constant(&c.value).map_err(|f| f.at(self.map.of(expr), "literal"))?,
            E::Name(n) => {
                let name = n.id.as_str();
                match name {
                    "True" => Value::Bool(true),
                    "False" => Value::Bool(false),
                    "None" => Value::None,
                    _ => self.lookup(name).ok_or_else(|| {
                        Fail::new(Code::NameError, format!("name `{name}` is not defined"))
                            .hint("define it earlier in the cell; frames loaded in the session are visible by their names")
                            .at(self.map.of(expr), name)
                    })?,
                }
            }
            E::List(l) => {
                let items = self.eval_items(&l.elts)?;
                self.check_list_len(items.len()).map_err(|f| f.at(self.map.of(expr), "list"))?;
                Value::list(items)
            }
            E::Tuple(t) => Value::tuple(self.eval_items(&t.elts)?),
            E::Set(s) => {
                let items = self.eval_items(&s.elts)?;
                Value::list(dedupe(items))
            }
            E::Dict(d) => {
                let mut dict = Dict::default();
                for (key, value) in d.keys.iter().zip(&d.values) {
                    match key {
                        Some(key) => {
                            let k = self.eval(key)?;
                            let v = self.eval(value)?;
                            dict.insert(k, v);
                        }
                        None => {
                            let other = self.eval(value)?;
                            let Value::Dict(other) = other else {
                                return Err(Fail::type_error("`**` in a dict literal needs a dict").at(self.map.of(value), "**"));
                            };
                            for (k, v) in other.borrow().entries.iter() {
                                dict.insert(k.clone(), v.clone());
                            }
                        }
                    }
                }
                Value::dict(dict)
            }
            E::BoolOp(b) => {
                let is_and = matches!(b.op, ast::BoolOp::And);
                let mut last = Value::None;
                for (i, operand) in b.values.iter().enumerate() {
                    last = self.eval(operand)?;
                    if i + 1 == b.values.len() {
                        break;
                    }
                    let truth = self.truthy(&last).map_err(|f| f.at(self.map.of(operand), if is_and { "and" } else { "or" }))?;
                    if truth != is_and {
                        break;
                    }
                }
                last
            }
            E::BinOp(b) => {
                let left = self.eval(&b.left)?;
                let right = self.eval(&b.right)?;
                self.binary(b.op, left, right).map_err(|f| f.at(self.map.of(expr), "operator"))?
            }
            E::UnaryOp(u) => {
                let operand = self.eval(&u.operand)?;
                self.unary(u.op, operand).map_err(|f| f.at(self.map.of(expr), "operator"))?
            }
            E::Compare(c) => {
                let mut left = self.eval(&c.left)?;
                let mut result = Value::Bool(true);
                for (i, (op, right)) in c.ops.iter().zip(&c.comparators).enumerate() {
                    let right = self.eval(right)?;
                    let this = self.compare(*op, left, right.clone()).map_err(|f| f.at(self.map.of(expr), "comparison"))?;
                    if i == 0 {
                        result = this;
                    } else {
                        if !self.truthy(&result).map_err(|f| f.at(self.map.of(expr), "comparison"))? {
                            break;
                        }
                        result = this;
                    }
                    if i + 1 < c.ops.len() && !self.truthy(&result).map_err(|f| f.at(self.map.of(expr), "comparison"))? {
                        break;
                    }
                    left = right;
                }
                result
            }
            E::IfExp(e) => {
                let test = self.eval(&e.test)?;
                if self.truthy(&test).map_err(|f| f.at(self.map.of(&*e.test), "if"))? {
                    self.eval(&e.body)?
                } else {
                    self.eval(&e.orelse)?
                }
            }
            E::JoinedStr(j) => {
                let mut text = String::new();
                for part in &j.values {
                    match part {
                        E::Constant(c) => {
                            if let ast::Constant::Str(s) = &c.value {
                                text.push_str(s);
                            }
                        }
                        E::FormattedValue(f) => {
                            let value = self.eval(&f.value)?;
                            let spec = match &f.format_spec {
                                Some(spec) => self.eval(spec)?.as_str().unwrap_or("").to_string(),
                                None => String::new(),
                            };
                            let value = match f.conversion {
                                ast::ConversionFlag::Repr => Value::str(super::conversions::repr(&value)),
                                ast::ConversionFlag::Str => Value::str(super::conversions::to_py_str(&value)),
                                _ => value,
                            };
                            let rendered = format_value(&value, &spec).map_err(|e| e.at(self.map.of(part), "f-string"))?;
                            text.push_str(&rendered);
                        }
                        other => {
                            let value = self.eval(other)?;
                            text.push_str(&super::conversions::to_py_str(&value));
                        }
                    }
                }
                Value::str(text)
            }
            E::FormattedValue(f) => {
                let value = self.eval(&f.value)?;
                Value::str(super::conversions::to_py_str(&value))
            }
            E::ListComp(c) => {
                let items = self.comprehension(&c.generators, &mut |me| me.eval(&c.elt).map(|v| vec![v]))?;
                Value::list(items)
            }
            E::GeneratorExp(c) => {
                let items = self.comprehension(&c.generators, &mut |me| me.eval(&c.elt).map(|v| vec![v]))?;
                Value::list(items)
            }
            E::SetComp(c) => {
                let items = self.comprehension(&c.generators, &mut |me| me.eval(&c.elt).map(|v| vec![v]))?;
                Value::list(dedupe(items))
            }
            E::DictComp(c) => {
                let pairs = self.comprehension(&c.generators, &mut |me| {
                    let k = me.eval(&c.key)?;
                    let v = me.eval(&c.value)?;
                    Ok(vec![Value::tuple(vec![k, v])])
                })?;
                let mut dict = Dict::default();
                for pair in pairs {
                    if let Some(kv) = pair.sequence_items() {
                        dict.insert(kv[0].clone(), kv[1].clone());
                    }
                }
                Value::dict(dict)
            }
            E::Subscript(s) => {
                let container = self.eval(&s.value)?;
                let span = self.map.of(expr);
                if let E::Slice(slice) = s.slice.as_ref() {
                    let lower = slice.lower.as_ref().map(|e| self.eval(e)).transpose()?;
                    let upper = slice.upper.as_ref().map(|e| self.eval(e)).transpose()?;
                    let step = slice.step.as_ref().map(|e| self.eval(e)).transpose()?;
                    self.slice(container, lower, upper, step).map_err(|f| f.at(span, "slice"))?
                } else if let (Value::Frame(_), E::Tuple(pair)) = (&container, s.slice.as_ref()) {
                    // `df[rows, columns]`, where rows may be a slice.
                    self.frame_rows_and_columns(container, pair, span)?
                } else {
                    let key = self.eval(&s.slice)?;
                    self.subscript(container, key).map_err(|f| f.at(span, "subscript"))?
                }
            }
            E::Attribute(a) => {
                let object = self.eval(&a.value)?;
                let span = self.map.of_attribute(a);
                catch_polars_panic(|| self.property(object, a.attr.as_str())).and_then(|r| r).map_err(|f| f.at(span, a.attr.as_str()))?
            }
            E::Call(call) => return self.eval_call(call),
            E::Lambda(lambda) => self.lambda_value(lambda)?,
            E::Starred(s) => {
                return Err(Fail::new(Code::UnsupportedExpression, "`*` unpacking is only supported in calls and list literals").at(self.map.of(&*s.value), "*"));
            }
            E::Slice(_) => return Err(Fail::new(Code::UnsupportedExpression, "a slice is only valid inside `[...]`").at(self.map.of(expr), "slice")),
            _ => {
                return Err(Fail::new(Code::UnsupportedExpression, "this expression is not part of the feature language").at(self.map.of(expr), "expression"));
            }
        };
        Ok(value)
    }

    /// Evaluate list/tuple elements, expanding `*iterable`.
    fn eval_items(&mut self, elts: &[ast::Expr]) -> Result<Vec<Value>> {
        let mut items = Vec::with_capacity(elts.len());
        for elt in elts {
            if let ast::Expr::Starred(s) = elt {
                let value = self.eval(&s.value)?;
                items.extend(self.iterate(&value).map_err(|f| f.at(self.map.of(elt), "*"))?);
            } else {
                items.push(self.eval(elt)?);
            }
        }
        Ok(items)
    }

    fn comprehension(
        &mut self,
        generators: &[ast::Comprehension],
        produce: &mut dyn FnMut(&mut Self) -> Result<Vec<Value>>,
    ) -> Result<Vec<Value>> {
        // Comprehension variables do not leak (Python 3): remember and restore them.
        let mut names = Vec::new();
        for g in generators {
            target_names(&g.target, &mut names);
        }
        let saved: Vec<(String, Option<Value>)> = names.iter().map(|n| (n.clone(), self.lookup_local_or_global(n))).collect();
        let mut out = Vec::new();
        let result = self.comprehension_level(generators, produce, &mut out);
        for (name, value) in saved {
            match value {
                Some(v) => self.assign_name(&name, v),
                None => self.unbind(&name),
            }
        }
        result?;
        Ok(out)
    }

    fn comprehension_level(
        &mut self,
        generators: &[ast::Comprehension],
        produce: &mut dyn FnMut(&mut Self) -> Result<Vec<Value>>,
        out: &mut Vec<Value>,
    ) -> Result<()> {
        let Some((first, rest)) = generators.split_first() else {
            out.extend(produce(self)?);
            return self.check_list_len(out.len());
        };
        let iterable = self.eval(&first.iter)?;
        let items = self.iterate(&iterable).map_err(|f| f.at(self.map.of(&first.iter), "comprehension"))?;
        'items: for item in items {
            self.loop_iteration().map_err(|f| f.at(self.map.of(&first.iter), "comprehension"))?;
            self.assign(&first.target, item)?;
            for condition in &first.ifs {
                let test = self.eval(condition)?;
                if !self.truthy(&test).map_err(|f| f.at(self.map.of(condition), "if"))? {
                    continue 'items;
                }
            }
            self.comprehension_level(rest, produce, out)?;
        }
        Ok(())
    }

    fn eval_call(&mut self, call: &ast::ExprCall) -> Result<Value> {
        if let Some(value) = self.python_helper_call(call)? {
            return Ok(value);
        }
        let mut args = CallArgs::default();
        for arg in &call.args {
            if let ast::Expr::Starred(s) = arg {
                let value = self.eval(&s.value)?;
                args.positional.extend(self.iterate(&value).map_err(|f| f.at(self.map.of(arg), "*"))?);
            } else {
                args.positional.push(self.eval(arg)?);
            }
        }
        for keyword in &call.keywords {
            let value = self.eval(&keyword.value)?;
            match &keyword.arg {
                Some(name) => args.keywords.push((name.to_string(), value)),
                None => {
                    let Value::Dict(dict) = value else {
                        return Err(Fail::type_error("`**` needs a dict").at(self.map.of(keyword), "**"));
                    };
                    for (k, v) in dict.borrow().entries.iter() {
                        let Some(name) = k.as_str() else {
                            return Err(Fail::type_error("keywords passed with `**` must be strings").at(self.map.of(keyword), "**"));
                        };
                        args.keywords.push((name.to_string(), v.clone()));
                    }
                }
            }
        }
        match call.func.as_ref() {
            ast::Expr::Attribute(attribute) => {
                let object = self.eval(&attribute.value)?;
                let span = self.map.of_attribute(attribute);
                let name = attribute.attr.as_str();
                let saved = self.current_span;
                self.current_span = span;
                let result = catch_polars_panic(|| self.call_method(object, name, args)).and_then(|r| r).map_err(|f| f.at(span, name));
                self.current_span = saved;
                result
            }
            func => {
                let callee = self.eval(func)?;
                let span = self.map.of(func);
                let construct = match func {
                    ast::Expr::Name(n) => n.id.to_string(),
                    _ => "call".to_string(),
                };
                let saved = self.current_span;
                self.current_span = span;
                let result = catch_polars_panic(|| self.call_value(callee, args)).and_then(|r| r).map_err(|f| f.at(span, &construct));
                self.current_span = saved;
                result
            }
        }
    }

    /// Call a callable value.
    pub fn call_value(&mut self, callee: Value, args: CallArgs) -> Result<Value> {
        match callee {
            Value::Builtin(name) => self.call_builtin(name, args),
            Value::ModuleFunction(module, name) => self.call_module_function(module, name, args),
            Value::Function(function) => self.call_user_function(&function, args),
            Value::DType(dtype) => super::module_pl::construct_dtype(&dtype, &args, self),
            Value::Method(method) => {
                let (object, name) = method.as_ref().clone();
                self.call_method(object, &name, args)
            }
            other => Err(Fail::type_error(format!("a {} is not callable", other.type_name()))),
        }
    }

    fn call_user_function(&mut self, function: &Rc<super::values::UserFunction>, args: CallArgs) -> Result<Value> {
        let def = &function.def;
        let params: Vec<&ast::ArgWithDefault> = def.args.posonlyargs.iter().chain(&def.args.args).collect();
        let kwonly: Vec<&ast::ArgWithDefault> = def.args.kwonlyargs.iter().collect();
        let (args, starred) = super::python_helpers::split_star_arguments(def, &params, &kwonly, args);
        let mut scope = function.closure.clone();
        if args.positional.len() > params.len() {
            return Err(Fail::type_error(format!("{}() takes {} positional arguments but {} were given", def.name, params.len(), args.positional.len())));
        }
        for (param, value) in params.iter().zip(args.positional.iter()) {
            scope.insert(param.def.arg.to_string(), value.clone());
        }
        for (name, value) in &args.keywords {
            let known = params.iter().chain(kwonly.iter()).any(|p| p.def.arg.as_str() == name);
            if !known {
                return Err(Fail::type_error(format!("{}() got an unexpected keyword argument `{name}`", def.name)));
            }
            if scope.insert(name.clone(), value.clone()).is_some() {
                return Err(Fail::type_error(format!("{}() got multiple values for argument `{name}`", def.name)));
            }
        }
        for param in params.iter().chain(kwonly.iter()) {
            let name = param.def.arg.as_str();
            if !scope.contains_key(name) {
                match function.defaults.iter().find(|(n, _)| n == name) {
                    Some((_, v)) => {
                        scope.insert(name.to_string(), v.clone());
                    }
                    None => return Err(Fail::type_error(format!("{}() missing required argument `{name}`", def.name))),
                }
            }
        }
        scope.extend(starred);
        let generator = super::python_helpers::is_generator(def);
        if generator {
            scope.insert(super::python_helpers::YIELDED.to_string(), Value::list(Vec::new()));
        }
        self.enter_call()?;
        self.push_scope(scope);
        let result = self.statements(&def.body);
        let yielded = if generator { self.lookup(super::python_helpers::YIELDED) } else { None };
        self.pop_scope();
        self.leave_call();
        match (result?, yielded) {
            // A generator's items, made eagerly (bounded by the list budget as they are yielded).
            (_, Some(items)) => Ok(items),
            (super::statements::Flow::Return(v), None) => Ok(v),
            _ => Ok(Value::None),
        }
    }

    /// `object.name(args)`.
    pub fn call_method(&mut self, object: Value, name: &str, args: CallArgs) -> Result<Value> {
        if name == "pipe" && matches!(object, Value::Frame(_) | Value::Expr(_) | Value::When(_) | Value::Selector(_)) {
            return self.pipe(object, args);
        }
        match object {
            Value::Module(module) => {
                let value = self.module_attribute(module, name)?;
                self.call_value(value, args)
            }
            Value::Expr(expr) => self.expr_method(expr, name, args),
            Value::When(chain) => self.when_method(chain, name, args),
            Value::Selector(selector) => self.selector_method(selector, name, args),
            Value::Namespace(base, ns) => self.namespace_method(*base, ns, name, args),
            Value::Column(column) => self.series_method(column, name, args),
            Value::Frame(frame) => self.frame_method(frame, name, args),
            Value::GroupBy(group_by) => self.group_by_method(*group_by, name, args),
            Value::Str(_) | Value::List(_) | Value::Dict(_) => self.python_method(object, name, args),
            Value::DType(dtype) => super::module_pl::dtype_method(&dtype, name, &args),
            Value::ModuleFunction(Module::Itertools, "chain") if name == "from_iterable" => self.itertools_function("from_iterable", args),
            // `str.upper(text)`: the method of its first argument.
            Value::Builtin("str") if super::python_methods::str_name_method(name, "").is_some() => {
                let mut args = args;
                if args.positional.is_empty() {
                    return Err(Fail::type_error(format!("str.{name}() needs the text as its first argument")));
                }
                let text = args.positional.remove(0);
                self.call_method(text, name, args)
            }
            Value::Record(type_name, fields) => match fields.iter().find(|(n, _)| n == name) {
                Some((_, function)) => self.call_value(function.clone(), args),
                None => Err(not_available(name, type_name, None)),
            },
            other => Err(not_available(name, other.type_name(), None)),
        }
    }

    /// `object.name` without a call.
    pub fn property(&mut self, object: Value, name: &str) -> Result<Value> {
        match object {
            Value::Module(module) => self.module_attribute(module, name),
            Value::Expr(_) | Value::When(_) | Value::Selector(_) => {
                let ns = expr_namespace(name).ok_or_else(|| method_without_call(name, "Expr"))?;
                let expr = self.to_expr(object, super::conversions::StrAs::Column)?;
                Ok(Value::Namespace(Box::new(Value::Expr(expr)), ns))
            }
            Value::Column(column) => match name {
                "dtype" => {
                    let schema = self.schema_of(&column.frame.lf.clone().select([column.expr.clone()]))?;
                    let dtype = schema.iter().next().map(|(_, d)| d.clone()).unwrap_or(DataType::Null);
                    Ok(Value::DType(dtype))
                }
                "name" => {
                    let schema = self.schema_of(&column.frame.lf.clone().select([column.expr.clone()]))?;
                    let name = schema.iter().next().map(|(n, _)| n.to_string()).unwrap_or_default();
                    Ok(Value::str(name))
                }
                _ => {
                    let ns = expr_namespace(name).ok_or_else(|| method_without_call(name, "Series"))?;
                    Ok(Value::Namespace(Box::new(Value::Column(column)), ns))
                }
            },
            Value::Frame(frame) => self.frame_property(frame, name),
            Value::Dict(_) | Value::List(_) | Value::Str(_) => Err(method_without_call(name, object.type_name())),
            Value::Record(type_name, fields) => {
                fields.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone()).ok_or_else(|| not_available(name, type_name, None))
            }
            Value::ModuleFunction(Module::Itertools, "chain") if name == "from_iterable" => Ok(Value::ModuleFunction(Module::Itertools, "from_iterable")),
            // `str.upper` without a call: a function of one text (given to `name.map`).
            Value::Builtin("str") if super::python_methods::str_name_method(name, "").is_some() => Ok(Value::Method(Rc::new((object, name.to_string())))),
            other => Err(not_available(name, other.type_name(), None)),
        }
    }

    /// `module.name`.
    pub fn module_attribute(&mut self, module: Module, name: &str) -> Result<Value> {
        let namespace = match module {
            Module::Polars => Namespace::Pl,
            Module::Selectors => Namespace::Selectors,
            Module::Math => Namespace::Math,
            Module::Numpy => Namespace::Numpy,
            Module::Itertools => Namespace::Itertools,
            Module::Operator => Namespace::Operator,
            Module::Datetime => Namespace::Datetime,
        };
        if module == Module::Polars {
            if name == "selectors" {
                return Ok(Value::Module(Module::Selectors));
            }
            if let Some(dtype) = super::module_pl::dtype_named(name) {
                return Ok(Value::DType(dtype));
            }
        }
        if let Some(value) = super::module_math::constant(module, name) {
            return Ok(value);
        }
        if module == Module::Itertools && name == "from_iterable" {
            return Err(not_available(name, namespace.display(), Some(namespace)).hint("it is `itertools.chain.from_iterable(...)`"));
        }
        if module == Module::Numpy {
            if let Some(dtype) = super::python_helpers::numpy_dtype(name) {
                return Ok(Value::DType(dtype));
            }
        }
        match allowlist::lookup(namespace, name) {
            Some(entry) if entry.params.is_some() => Ok(Value::ModuleFunction(module, entry.name)),
            _ => Err(not_available(name, namespace.display(), Some(namespace))),
        }
    }

    fn call_module_function(&mut self, module: Module, name: &'static str, args: CallArgs) -> Result<Value> {
        if matches!(module, Module::Polars | Module::Selectors) {
            self.polars_calls += 1;
        }
        match module {
            Module::Polars => self.pl_function(name, args),
            Module::Selectors => self.cs_function(name, args),
            Module::Math => self.math_function(name, args),
            Module::Numpy => self.numpy_function(name, args),
            Module::Itertools => self.itertools_function(name, args),
            Module::Operator => self.operator_function(name, args),
            Module::Datetime => self.datetime_function(name, args),
        }
    }

    fn lookup_local_or_global(&self, name: &str) -> Option<Value> {
        self.lookup(name)
    }
}

fn target_names(target: &ast::Expr, out: &mut Vec<String>) {
    match target {
        ast::Expr::Name(n) => out.push(n.id.to_string()),
        ast::Expr::Tuple(t) => t.elts.iter().for_each(|e| target_names(e, out)),
        ast::Expr::List(t) => t.elts.iter().for_each(|e| target_names(e, out)),
        _ => {}
    }
}

pub(crate) fn expr_namespace(name: &str) -> Option<super::values::ExprNamespace> {
    use super::values::ExprNamespace as NS;
    match name {
        "str" => Some(NS::Str),
        "dt" => Some(NS::Dt),
        "list" => Some(NS::List),
        "arr" => Some(NS::Arr),
        "name" => Some(NS::Name),
        "struct" => Some(NS::Struct),
        "meta" => Some(NS::Meta),
        _ => None,
    }
}

/// A method that exists elsewhere in the language but not on this kind of value.
pub(crate) fn not_available(name: &str, type_name: &str, namespace: Option<Namespace>) -> Fail {
    if let Some(replacement) = allowlist::removed_replacement(name) {
        return Fail::new(Code::RemovedName, format!("`{name}` was removed from Python Polars")).hint(format!("use `{replacement}`"));
    }
    let elsewhere = allowlist::namespaces_of(name);
    let hint = match allowlist::nearest(name, namespace) {
        _ if !elsewhere.is_empty() => format!(
            "`{name}` is accepted on {}; see docs/feature-language.md",
            elsewhere.iter().map(|ns| ns.display()).collect::<Vec<_>>().join(", ")
        ),
        Some(near) if near != name => format!("did you mean `{near}`? See docs/feature-language.md"),
        _ => "see docs/feature-language.md for what each kind of value accepts".to_string(),
    };
    Fail::new(Code::NotOnThisType, format!("`{name}` is not available on a {type_name} in the feature language")).hint(hint)
}

fn method_without_call(name: &str, type_name: &str) -> Fail {
    Fail::new(Code::UnsupportedExpression, format!("`{type_name}.{name}` must be called here"))
        .hint(format!("write `.{name}(...)`"))
}

fn dedupe(items: Vec<Value>) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::with_capacity(items.len());
    for item in items {
        if !out.iter().any(|x| x.py_eq(&item)) {
            out.push(item);
        }
    }
    out
}

fn constant(constant: &ast::Constant) -> Result<Value> {
    Ok(match constant {
        ast::Constant::None => Value::None,
        ast::Constant::Bool(b) => Value::Bool(*b),
        ast::Constant::Str(s) => Value::str(s),
        ast::Constant::Int(_) => match int_value(constant) {
            Some(i) => Value::Int(i),
            None => return Err(Fail::value_error("integer literal does not fit in 64 bits")),
        },
        ast::Constant::Float(f) => Value::Float(*f),
        ast::Constant::Tuple(items) => Value::tuple(items.iter().map(self::constant).collect::<Result<Vec<_>>>()?),
        _ => return Err(Fail::new(Code::UnsupportedExpression, "this literal is not supported")),
    })
}
