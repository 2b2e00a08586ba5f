// Statements: assignment (with unpacking and subscripts), augmented assignment, for, if,
// def, return/break/continue, imports (already checked) and expression statements.

use std::rc::Rc;

use super::failure::{Fail, Result};
use super::values::{Module, UserFunction, Value};
use super::Interpreter;
use crate::diagnostics::Code;
use crate::parse::ast;

/// How a block ended.
pub(crate) enum Flow {
    Normal,
    Break,
    Continue,
    Return(Value),
}

impl Interpreter<'_, '_> {
    pub fn statements(&mut self, body: &[ast::Stmt]) -> Result<Flow> {
        for stmt in body {
            match self.statement(stmt)? {
                Flow::Normal => {}
                other => return Ok(other),
            }
        }
        Ok(Flow::Normal)
    }

    fn statement(&mut self, stmt: &ast::Stmt) -> Result<Flow> {
        self.step().map_err(|f| f.at(self.map.of(stmt), "statement"))?;
        let span = self.map.of(stmt);
        let result = self.statement_inner(stmt);
        result.map_err(|f| f.at(span, "statement"))
    }

    fn statement_inner(&mut self, stmt: &ast::Stmt) -> Result<Flow> {
        use ast::Stmt as S;
        match stmt {
            S::Expr(s) => match s.value.as_ref() {
                ast::Expr::Yield(y) => self.yield_statement(y.value.as_deref(), false)?,
                ast::Expr::YieldFrom(y) => self.yield_statement(Some(&y.value), true)?,
                value => {
                    self.eval(value)?;
                }
            },
            S::Raise(s) => return Err(self.raise_statement(s)),
            S::ClassDef(class) => {
                let record = self.static_method_class(class)?;
                self.assign_name(class.name.as_str(), record);
            }
            S::Assert(s) => {
                let test = self.eval(&s.test)?;
                if !self.truthy(&test)? {
                    return Err(self.assertion_failed(s.msg.as_deref()));
                }
            }
            S::Assign(s) => {
                let value = self.eval(&s.value)?;
                for target in &s.targets {
                    self.assign(target, value.clone())?;
                }
            }
            S::AnnAssign(s) => {
                if let Some(value) = &s.value {
                    let value = self.eval(value)?;
                    self.assign(&s.target, value)?;
                }
            }
            S::AugAssign(s) => {
                let current = self.eval(&s.target)?;
                let right = self.eval(&s.value)?;
                let span = self.map.of(stmt);
                let value = self.binary(s.op, current, right).map_err(|f| f.at(span, "augmented assignment"))?;
                self.assign(&s.target, value)?;
            }
            S::For(s) => {
                let iterable = self.eval(&s.iter)?;
                let items = self.iterate(&iterable).map_err(|f| f.at(self.map.of(&*s.iter), "for"))?;
                for item in items {
                    self.loop_iteration().map_err(|f| f.at(self.map.of(&*s.iter), "for"))?;
                    self.assign(&s.target, item)?;
                    match self.statements(&s.body)? {
                        Flow::Break => break,
                        Flow::Return(v) => return Ok(Flow::Return(v)),
                        Flow::Normal | Flow::Continue => {}
                    }
                }
            }
            S::If(s) => {
                let test = self.eval(&s.test)?;
                let truth = self.truthy(&test).map_err(|f| f.at(self.map.of(&*s.test), "if"))?;
                return if truth { self.statements(&s.body) } else { self.statements(&s.orelse) };
            }
            S::FunctionDef(def) => {
                let mut defaults = Vec::new();
                let args = &def.args;
                for arg in args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs) {
                    if let Some(default) = &arg.default {
                        defaults.push((arg.def.arg.to_string(), self.eval(default)?));
                    }
                }
                // Inside a helper, the function keeps the helper's names (a copy: the checker
                // refuses the nested defs for which Python's late binding reads other values).
                let closure = self.locals.last().cloned().unwrap_or_default();
                let function = UserFunction { def: def.clone(), defaults, closure };
                self.assign_name(def.name.as_str(), Value::Function(Rc::new(function)));
            }
            S::Return(s) => {
                let value = match &s.value {
                    Some(v) => self.eval(v)?,
                    None => Value::None,
                };
                return Ok(Flow::Return(value));
            }
            S::Break(_) => return Ok(Flow::Break),
            S::Continue(_) => return Ok(Flow::Continue),
            S::Pass(_) => {}
            S::Import(s) => {
                for alias in s.names.iter().filter(|alias| alias.name.as_str() != crate::allowlist::ANNOTATIONS_ONLY) {
                    let module = module_named(alias.name.as_str());
                    let bound = match &alias.asname {
                        Some(asname) => asname.to_string(),
                        None => alias.name.as_str().split('.').next().unwrap_or("").to_string(),
                    };
                    // `import polars.selectors` binds `polars`; keep it the polars module.
                    let value = if alias.asname.is_none() && alias.name.as_str().contains('.') { Value::Module(Module::Polars) } else { Value::Module(module) };
                    self.assign_name(&bound, value);
                }
            }
            S::ImportFrom(s) if s.module.as_ref().is_some_and(|m| m.as_str() == crate::allowlist::ANNOTATIONS_ONLY) => {}
            S::ImportFrom(s) => {
                let module = module_named(s.module.as_ref().map(|m| m.as_str()).unwrap_or(""));
                for alias in &s.names {
                    let name = alias.name.as_str();
                    let value = self.module_attribute(module, name)?;
                    let bound = alias.asname.as_ref().map(|a| a.to_string()).unwrap_or_else(|| name.to_string());
                    self.assign_name(&bound, value);
                }
            }
            _ => {
                return Err(Fail::new(Code::UnsupportedStatement, "this statement is not part of the feature language"));
            }
        }
        Ok(Flow::Normal)
    }

    /// Bind a value to an assignment target.
    pub fn assign(&mut self, target: &ast::Expr, value: Value) -> Result<()> {
        use ast::Expr as E;
        match target {
            E::Name(name) => {
                self.assign_name(name.id.as_str(), value);
                Ok(())
            }
            E::Tuple(ast::ExprTuple { elts, .. }) | E::List(ast::ExprList { elts, .. }) => {
                let items = self.iterate(&value).map_err(|f| f.at(self.map.of(target), "unpacking"))?;
                if let Some(star) = elts.iter().position(|e| matches!(e, E::Starred(_))) {
                    // `first, *rest = items`: the starred name takes a list of what is left over.
                    let after = elts.len() - star - 1;
                    if items.len() < elts.len() - 1 {
                        return Err(Fail::value_error(format!("not enough values to unpack (expected at least {}, got {})", elts.len() - 1, items.len()))
                            .at(self.map.of(target), "unpacking"));
                    }
                    let mut items = items;
                    let tail = items.split_off(items.len() - after);
                    let middle = items.split_off(star);
                    for (elt, item) in elts[..star].iter().zip(items) {
                        self.assign(elt, item)?;
                    }
                    if let E::Starred(s) = &elts[star] {
                        self.assign(&s.value, Value::list(middle))?;
                    }
                    for (elt, item) in elts[star + 1..].iter().zip(tail) {
                        self.assign(elt, item)?;
                    }
                    return Ok(());
                }
                if items.len() != elts.len() {
                    return Err(Fail::value_error(format!("cannot unpack {} values into {} names", items.len(), elts.len()))
                        .at(self.map.of(target), "unpacking"));
                }
                for (elt, item) in elts.iter().zip(items) {
                    self.assign(elt, item)?;
                }
                Ok(())
            }
            E::Subscript(sub) => {
                let container = self.eval(&sub.value)?;
                let key = self.eval(&sub.slice)?;
                let span = self.map.of(target);
                match container {
                    Value::Dict(dict) => {
                        dict.borrow_mut().insert(key, value);
                        Ok(())
                    }
                    Value::List(list) => {
                        let mut list = list.borrow_mut();
                        let len = list.len() as i64;
                        let Value::Int(i) = key else {
                            return Err(Fail::type_error("list indices must be integers").at(span, "subscript"));
                        };
                        let index = if i < 0 { i + len } else { i };
                        if index < 0 || index >= len {
                            return Err(Fail::value_error("list assignment index out of range").at(span, "subscript"));
                        }
                        list[index as usize] = value;
                        Ok(())
                    }
                    Value::Frame(_) => Err(Fail::new(Code::UnsupportedStatement, "frames do not support item assignment (`df[\"x\"] = ...`)")
                        .hint("use `df = df.with_columns(expr.alias(\"x\"))`")
                        .at(span, "df[...] =")),
                    other => Err(Fail::type_error(format!("a {} does not support item assignment", other.type_name())).at(span, "subscript")),
                }
            }
            other => Err(Fail::new(Code::UnsupportedStatement, "unsupported assignment target").at(self.map.of(other), "assignment")),
        }
    }
}

pub(crate) fn module_named(name: &str) -> Module {
    match name {
        "polars.selectors" => Module::Selectors,
        "math" => Module::Math,
        "numpy" => Module::Numpy,
        "itertools" => Module::Itertools,
        "operator" => Module::Operator,
        "datetime" => Module::Datetime,
        _ => Module::Polars,
    }
}
