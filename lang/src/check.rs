// The static checker: walks the parsed cell and refuses every construct outside the feature
// language before anything runs (FE1xx diagnostics with span, construct, message and hint).

use std::collections::{BTreeMap, BTreeSet};

use crate::allowlist::{self, Refusal, ANNOTATIONS_ONLY};
use crate::diagnostics::{Code, Diagnostic, Span};
use crate::interpret::format_spec::template_is_plain;
use crate::late_binding::LateRead;
use crate::parse::{ast, SourceMap};

/// Check a parsed cell. Returns every refusal found (empty when the cell is accepted).
pub(crate) fn check_suite(suite: &[ast::Stmt], map: &SourceMap<'_>) -> Vec<Diagnostic> {
    let mut checker = Checker { map, out: Vec::new(), function_depth: 0, class_methods: static_method_names(suite), annotation_names: BTreeSet::new() };
    for stmt in suite {
        checker.stmt(stmt);
    }
    checker.recursion(suite);
    checker.out.sort_by_key(|d| (d.line, d.column));
    checker.out
}

struct Checker<'a, 'src> {
    map: &'a SourceMap<'src>,
    out: Vec<Diagnostic>,
    function_depth: u32,
    /// Names of the `@staticmethod` helpers of the cell's classes (accepted as attributes).
    class_methods: BTreeSet<String>,
    /// Names bound by `import typing` / `from typing import X`: they may only annotate.
    annotation_names: BTreeSet<String>,
}

fn refuse(code: Code, span: Span, construct: impl Into<String>, message: impl Into<String>, hint: impl Into<String>) -> Diagnostic {
    Diagnostic::new(code, span, construct, message).with_hint(hint)
}

impl Checker<'_, '_> {
    fn push(&mut self, d: Diagnostic) {
        self.out.push(d);
    }

    fn stmts(&mut self, body: &[ast::Stmt]) {
        for stmt in body {
            self.stmt(stmt);
        }
    }

    fn stmt(&mut self, stmt: &ast::Stmt) {
        use ast::Stmt as S;
        let span = self.map.of(stmt);
        match stmt {
            S::Expr(s) => match s.value.as_ref() {
                // `yield value` as a statement of a helper makes it a generator function.
                ast::Expr::Yield(y) if self.function_depth > 0 => {
                    if let Some(value) = &y.value {
                        self.expr(value);
                    }
                }
                ast::Expr::YieldFrom(y) if self.function_depth > 0 => self.expr(&y.value),
                value => self.expr(value),
            },
            S::Assign(s) => {
                for target in &s.targets {
                    self.target(target);
                }
                self.expr(&s.value);
            }
            S::AugAssign(s) => {
                self.target(&s.target);
                self.binop(s.op, span);
                self.expr(&s.value);
            }
            S::AnnAssign(s) => {
                self.target(&s.target);
                if let Some(value) = &s.value {
                    self.expr(value);
                }
            }
            S::For(s) => {
                if !s.orelse.is_empty() {
                    self.push(refuse(Code::UnsupportedStatement, span, "for … else", "`for … else` is not part of the feature language", "track the condition in a variable and test it after the loop"));
                }
                self.target(&s.target);
                self.expr(&s.iter);
                self.stmts(&s.body);
            }
            S::If(s) => {
                self.expr(&s.test);
                self.stmts(&s.body);
                self.stmts(&s.orelse);
            }
            S::FunctionDef(s) => self.function_def(s, span),
            S::Return(s) => {
                if self.function_depth == 0 {
                    self.push(refuse(Code::UnsupportedStatement, span, "return", "`return` outside a function", "the cell's result is whatever `df` is bound to at the end"));
                }
                if let Some(value) = &s.value {
                    self.expr(value);
                }
            }
            S::Pass(_) | S::Break(_) | S::Continue(_) => {}
            S::Import(s) => {
                for alias in &s.names {
                    let module = alias.name.as_str();
                    if module == ANNOTATIONS_ONLY {
                        self.annotation_names.insert(alias.asname.as_ref().map_or(module, |a| a.as_str()).to_string());
                    } else if !allowlist::IMPORTABLE.iter().any(|(m, _)| *m == module) {
                        self.push(import_refusal(self.map.of(alias), module));
                    }
                }
            }
            S::ImportFrom(s) if s.level.is_none_or(|l| l.to_u32() == 0) && s.module.as_ref().is_some_and(|m| m.as_str() == ANNOTATIONS_ONLY) => {
                for alias in &s.names {
                    let name = alias.name.as_str();
                    if name == "*" || name.starts_with('_') {
                        self.push(refuse(Code::Import, self.map.of(alias), format!("from typing import {name}"), format!("`from typing import {name}` is not allowed"), "import the names you annotate with, e.g. `from typing import Any`"));
                    } else {
                        self.annotation_names.insert(alias.asname.as_ref().map_or(name, |a| a.as_str()).to_string());
                    }
                }
            }
            S::ImportFrom(s) => {
                let module = s.module.as_ref().map(|m| m.as_str()).unwrap_or("");
                if s.level.is_some_and(|l| l.to_u32() > 0) || !allowlist::IMPORTABLE.iter().any(|(m, _)| *m == module) {
                    self.push(import_refusal(span, module));
                } else {
                    for alias in &s.names {
                        let name = alias.name.as_str();
                        if name == "*" {
                            self.push(refuse(Code::Import, self.map.of(alias), format!("from {module} import *"), "star imports are not allowed", format!("import the module (`import {module}`) and use its names with a prefix")));
                        } else {
                            self.attribute_name(name, self.map.of(alias));
                        }
                    }
                }
            }
            S::ClassDef(c) => self.class_def(c, span),
            S::While(_) => self.push(refuse(Code::WhileLoop, span_first_line(span), "while", "`while` loops are not allowed (they need not end)", "loop with `for` over a list or `range(n)`")),
            S::Try(_) | S::TryStar(_) => self.push(refuse(Code::TryStatement, span_first_line(span), "try", "`try`/`except` is not allowed", "errors stop the cell and are reported; check values with `if` instead")),
            S::Raise(s) => self.raise(s, span),
            S::Global(_) | S::Nonlocal(_) => self.push(refuse(Code::GlobalStatement, span, if matches!(stmt, S::Global(_)) { "global" } else { "nonlocal" }, "`global`/`nonlocal` are not allowed", "return values from the helper and assign them")),
            S::With(_) => self.push(refuse(Code::WithStatement, span_first_line(span), "with", "`with` blocks are not allowed", "write the statements without the context manager")),
            S::AsyncWith(_) | S::AsyncFor(_) | S::AsyncFunctionDef(_) => self.push(refuse(Code::Generator, span_first_line(span), "async", "`async` code is not allowed", "write plain synchronous statements")),
            S::Delete(_) => self.push(refuse(Code::Delete, span, "del", "`del` is not allowed", "to remove columns use `df = df.drop(...)`; rebind names instead of deleting them")),
            S::Assert(s) => {
                self.expr(&s.test);
                if let Some(msg) = &s.msg {
                    self.expr(msg);
                }
            }
            S::Match(_) => self.push(refuse(Code::UnsupportedStatement, span_first_line(span), "match", "`match` is not part of the feature language", "use `if`/`elif`, or `pl.when(...).then(...)` on columns")),
            S::TypeAlias(_) => self.push(refuse(Code::UnsupportedStatement, span, "type", "type aliases are not part of the feature language", "remove the type alias")),
        }
    }

    fn function_def(&mut self, s: &ast::StmtFunctionDef, span: Span) {
        if let Some(decorator) = s.decorator_list.first() {
            self.push(refuse(Code::Decorator, self.map.of(decorator), "@decorator", "decorators are not allowed", "call the helper directly"));
        }
        if self.function_depth == 0 {
            self.late_reads(s);
        }
        self.name_binding(s.name.as_str(), span_first_line(span));
        for arg in [&s.args.vararg, &s.args.kwarg].into_iter().flatten() {
            self.name_binding(arg.arg.as_str(), self.map.of(arg.as_ref()));
        }
        for arg in s.args.posonlyargs.iter().chain(&s.args.args).chain(&s.args.kwonlyargs) {
            if let Some(default) = &arg.default {
                self.expr(default);
            }
        }
        self.function_depth += 1;
        self.stmts(&s.body);
        self.function_depth -= 1;
    }

    /// Nested defs see the enclosing function's names as they are at the `def`; refuse those
    /// that would see another value than Python's late binding gives.
    fn late_reads(&mut self, outer: &ast::StmtFunctionDef) {
        for late in crate::late_binding::late_reads(outer) {
            let diagnostic = match late {
                LateRead::BoundLater { def, name } => refuse(
                    Code::UnsupportedFunction,
                    span_first_line(self.map.of(def)),
                    format!("def {}", def.name),
                    format!("the nested function reads `{name}`, which the enclosing function assigns again after the `def`; Python would read the later value"),
                    format!("pass `{name}` to `{}` as an argument, or move the `def` after the last assignment", def.name),
                ),
                LateRead::BoundByLoop { def, name } => refuse(
                    Code::UnsupportedFunction,
                    span_first_line(self.map.of(def)),
                    format!("def {}", def.name),
                    format!("the nested function is defined in a loop and reads `{name}`, which the loop changes; Python reads it when the function is called, not when it is defined"),
                    format!("pass `{name}` to `{}` as an argument, or define it outside the loop", def.name),
                ),
                LateRead::CallsItself { def } => refuse(
                    Code::Recursion,
                    span_first_line(self.map.of(def)),
                    format!("def {}", def.name),
                    format!("recursive helper: {} calls itself", def.name),
                    "helpers may not call themselves; use a `for` loop over a bounded list",
                ),
            };
            self.push(diagnostic);
        }
    }

    /// A class is accepted only as a namespace of `@staticmethod` helpers at the top level (no
    /// bases, no state, no other decorators): `Name.helper(...)` calls a helper. Anything else
    /// a class can do (instances, `__init__`, inheritance) stays refused.
    fn class_def(&mut self, c: &ast::StmtClassDef, span: Span) {
        let hint = "use small `def` helpers that return expressions (a class of `@staticmethod` helpers is accepted)";
        let plain = c.bases.is_empty() && c.keywords.is_empty() && c.decorator_list.is_empty() && self.function_depth == 0;
        let only_static = c.body.iter().all(|stmt| match stmt {
            ast::Stmt::FunctionDef(f) => is_static_method(f),
            ast::Stmt::Pass(_) => true,
            ast::Stmt::Expr(e) => matches!(e.value.as_ref(), ast::Expr::Constant(k) if matches!(k.value, ast::Constant::Str(_))),
            _ => false,
        });
        let has_helpers = c.body.iter().any(|stmt| matches!(stmt, ast::Stmt::FunctionDef(_)));
        if !plain || !only_static || !has_helpers {
            self.push(refuse(Code::ClassDef, span_first_line(span), "class", "classes are not part of the feature language (only a class of `@staticmethod` helpers is)", hint));
            return;
        }
        self.name_binding(c.name.as_str(), span_first_line(span));
        for stmt in &c.body {
            if let ast::Stmt::FunctionDef(f) = stmt {
                let mut undecorated = f.clone();
                undecorated.decorator_list.clear();
                self.function_def(&undecorated, self.map.of(stmt));
            }
        }
    }

    /// `raise ValueError("…")` (or another builtin exception class): the cell stops with that
    /// error. Bare `raise` (re-raise) and `raise … from …` have nothing to refer to here.
    fn raise(&mut self, s: &ast::StmtRaise, span: Span) {
        let hint = "raise a builtin exception with a message, e.g. `raise ValueError(\"n must be positive\")`";
        let Some(exc) = &s.exc else {
            self.push(refuse(Code::TryStatement, span, "raise", "a bare `raise` has no exception to re-raise (there is no `except`)", hint));
            return;
        };
        if s.cause.is_some() {
            self.push(refuse(Code::TryStatement, span, "raise … from", "`raise … from …` is not supported", hint));
        }
        let class = match exc.as_ref() {
            ast::Expr::Call(call) if call.keywords.is_empty() => {
                call.args.iter().for_each(|a| self.expr(a));
                call.func.as_ref()
            }
            other => other,
        };
        match class {
            ast::Expr::Name(n) if allowlist::RAISABLE_EXCEPTIONS.contains(&n.id.as_str()) => {}
            other => self.push(refuse(Code::TryStatement, self.map.of(other), "raise", format!("only builtin exceptions can be raised ({})", allowlist::RAISABLE_EXCEPTIONS.join(", ")), hint)),
        }
    }

    /// `key=lambda x: …` of `sorted`, `min` or `max`: a function of plain Python values, run
    /// while the plan is built. Any other lambda goes through `expr` (and its rules).
    fn key_lambda(&mut self, lambda: &ast::ExprLambda, span: Span) {
        let args = &lambda.args;
        if args.vararg.is_some() || args.kwarg.is_some() || args.posonlyargs.len() + args.args.len() != 1 || !args.kwonlyargs.is_empty() || args.args.iter().chain(&args.posonlyargs).any(|a| a.default.is_some()) {
            self.push(refuse(Code::Lambda, span, "lambda", "a `key=` lambda takes exactly one parameter", "write it as `key=lambda item: ...`"));
        }
        for arg in args.posonlyargs.iter().chain(&args.args) {
            self.name_binding(arg.def.arg.as_str(), self.map.of(&arg.def));
        }
        self.expr(&lambda.body);
    }

    /// A lambda is a checked function like a `def`: its body is feature code. Where it may be
    /// used (pl.fold, pipe, …) is decided by the interpreter, which knows what receives it.
    fn lambda(&mut self, e: &ast::ExprLambda, span: Span) {
        if e.args.vararg.is_some() || e.args.kwarg.is_some() {
            self.push(refuse(Code::Lambda, span, "lambda", "`*args`/`**kwargs` parameters are not supported in lambdas", "name each parameter"));
        }
        for arg in e.args.posonlyargs.iter().chain(&e.args.args).chain(&e.args.kwonlyargs) {
            self.name_binding(arg.def.arg.as_str(), self.map.of(&arg.def));
            if let Some(default) = &arg.default {
                self.expr(default);
            }
        }
        self.function_depth += 1;
        self.expr(&e.body);
        self.function_depth -= 1;
    }

    fn name_binding(&mut self, name: &str, span: Span) {
        if name.starts_with("__") {
            self.push(refuse(Code::PrivateAttribute, span, name, format!("names starting with `__` are reserved (`{name}`)"), "use a plain name"));
        } else if allowlist::FORBIDDEN_BUILTINS.contains(&name) {
            self.push(refuse(Code::ForbiddenBuiltin, span, name, format!("`{name}` may not be rebound"), "choose another name"));
        }
    }

    fn target(&mut self, target: &ast::Expr) {
        use ast::Expr as E;
        match target {
            E::Name(n) => self.name_binding(n.id.as_str(), self.map.of(target)),
            E::Tuple(ast::ExprTuple { elts, .. }) | E::List(ast::ExprList { elts, .. }) => {
                if elts.iter().filter(|e| matches!(e, E::Starred(_))).count() > 1 {
                    self.push(refuse(Code::UnsupportedStatement, self.map.of(target), "*name", "at most one starred name per assignment", "index the list instead"));
                }
                elts.iter().for_each(|e| self.target(e))
            }
            E::Subscript(s) => {
                self.expr(&s.value);
                self.expr(&s.slice);
            }
            E::Attribute(a) => self.push(refuse(Code::UnsupportedStatement, self.map.of(target), format!(".{} =", a.attr), "assigning to attributes is not allowed", "bind a new name, or use `df = df.with_columns(...)`")),
            E::Starred(s) => self.target(&s.value),
            other => self.push(refuse(Code::UnsupportedStatement, self.map.of(other), "assignment target", "this assignment target is not supported", "assign to a name, a tuple of names, or `d[key]`")),
        }
    }

    fn binop(&mut self, op: ast::Operator, span: Span) {
        use ast::Operator as O;
        if matches!(op, O::MatMult | O::LShift | O::RShift) {
            self.push(refuse(Code::UnsupportedExpression, span, "operator", "the operators `@`, `<<`, `>>` are not supported", "use arithmetic (`*`, `//`, `**`) instead"));
        }
    }

    fn attribute_name(&mut self, name: &str, span: Span) {
        if name.starts_with('_') {
            self.push(refuse(Code::PrivateAttribute, span, name, format!("private and dunder attributes are not accessible (`{name}`)"), "use only the public Polars API listed in docs/feature-language.md"));
            return;
        }
        if let Some(refusal) = allowlist::refused_attribute(name) {
            self.push(refused_attribute_diagnostic(refusal, name, span));
            return;
        }
        if allowlist::is_known_attribute(name) || self.class_methods.contains(name) {
            return;
        }
        if matches!(name, "today" | "now" | "utcnow") {
            self.push(refuse(Code::UnknownAttribute, span, name, format!("`{name}()` reads the clock: the step would give another frame when it is replayed, and replays do not record the value"), "write the date as a literal, e.g. `datetime.date(2024, 5, 1)`, or take it from the data, e.g. `pl.col(\"ts\").max()`"));
            return;
        }
        if let Some(replacement) = allowlist::removed_replacement(name) {
            self.push(refuse(Code::RemovedName, span, name, format!("`{name}` was removed from Python Polars"), format!("use `{replacement}`")));
            return;
        }
        let hint = match allowlist::nearest(name, None) {
            Some(near) => format!("did you mean `{near}`? See docs/feature-language.md for every accepted name"),
            None => "see docs/feature-language.md for every accepted name".to_string(),
        };
        self.push(refuse(Code::UnknownAttribute, span, name, format!("`{name}` is not part of the feature language"), hint));
    }

    fn string_constant(&mut self, text: &str, span: Span) {
        if looks_like_url(text) {
            self.push(refuse(Code::Url, span, "URL", "URLs are not allowed: the feature language has no network or file access", "load data with `%fe load` and refer to frames by name"));
        }
    }

    fn comprehensions(&mut self, generators: &[ast::Comprehension]) {
        for generator in generators {
            if generator.is_async {
                self.push(refuse(Code::Generator, self.map.of(&generator.iter), "async for", "`async` comprehensions are not allowed", "use a plain comprehension"));
            }
            self.target(&generator.target);
            self.expr(&generator.iter);
            for condition in &generator.ifs {
                self.expr(condition);
            }
        }
    }

    fn expr(&mut self, expr: &ast::Expr) {
        use ast::Expr as E;
        let span = self.map.of(expr);
        match expr {
            E::BoolOp(e) => e.values.iter().for_each(|v| self.expr(v)),
            E::BinOp(e) => {
                self.binop(e.op, span);
                if matches!(e.op, ast::Operator::Mod) && is_string_literal(&e.left) {
                    self.push(refuse(Code::StringFormatting, span, "%", "`%` string formatting is not allowed", "use an f-string such as f\"{name}_mean\""));
                }
                self.expr(&e.left);
                self.expr(&e.right);
            }
            E::UnaryOp(e) => self.expr(&e.operand),
            E::Lambda(e) => self.lambda(e, span),
            E::IfExp(e) => {
                self.expr(&e.test);
                self.expr(&e.body);
                self.expr(&e.orelse);
            }
            E::Dict(e) => {
                e.keys.iter().flatten().for_each(|k| self.expr(k));
                e.values.iter().for_each(|v| self.expr(v));
            }
            E::Set(e) => e.elts.iter().for_each(|v| self.expr(v)),
            E::ListComp(e) => {
                self.comprehensions(&e.generators);
                self.expr(&e.elt);
            }
            E::SetComp(e) => {
                self.comprehensions(&e.generators);
                self.expr(&e.elt);
            }
            E::GeneratorExp(e) => {
                self.comprehensions(&e.generators);
                self.expr(&e.elt);
            }
            E::DictComp(e) => {
                self.comprehensions(&e.generators);
                self.expr(&e.key);
                self.expr(&e.value);
            }
            E::Await(_) => self.push(refuse(Code::Generator, span, "await", "`await` is not allowed", "write plain synchronous code")),
            E::Yield(_) | E::YieldFrom(_) => self.push(refuse(Code::Generator, span, "yield", "generators (`yield`) are not allowed", "build and return a list instead")),
            E::NamedExpr(_) => self.push(refuse(Code::Walrus, span, ":=", "assignment expressions (`:=`) are not supported", "assign on its own line first")),
            E::Compare(e) => {
                self.expr(&e.left);
                e.comparators.iter().for_each(|c| self.expr(c));
            }
            E::Call(e) => {
                if let E::Attribute(attribute) = e.func.as_ref() {
                    let reaches_attributes = matches!(attribute.value.as_ref(), E::Constant(c) if matches!(&c.value, ast::Constant::Str(t) if !template_is_plain(t)));
                    if attribute.attr.as_str() == "format" && reaches_attributes {
                        self.push(refuse(Code::StringFormatting, self.map.of_attribute(attribute), "str.format", "this `str.format` template reads attributes or items of its arguments (`{0.x}`, `{0[i]}`)", "use plain fields such as \"{}_mean\".format(name), or an f-string such as f\"{name}_mean\""));
                        self.expr(&attribute.value);
                        e.args.iter().for_each(|a| self.expr(a));
                        e.keywords.iter().for_each(|k| self.expr(&k.value));
                        return;
                    }
                }
                if let Some(base) = name_map_of_str_method(e) {
                    self.expr(base);
                    return;
                }
                let callee = match e.func.as_ref() {
                    E::Name(n) => n.id.as_str(),
                    _ => "",
                };
                if callee == "getattr" {
                    self.getattr_call(e, span);
                    return;
                }
                self.expr(&e.func);
                e.args.iter().for_each(|a| self.expr(a));
                for keyword in &e.keywords {
                    if let Some(name) = &keyword.arg {
                        if name.as_str().starts_with('_') {
                            self.push(refuse(Code::PrivateAttribute, self.map.of(keyword), name.as_str(), "keyword arguments starting with `_` are not accessible", "use the documented parameters"));
                        }
                    }
                    match (&keyword.value, keyword.arg.as_ref().map(|a| a.as_str())) {
                        (E::Lambda(lambda), Some("key")) if matches!(callee, "sorted" | "min" | "max") => self.key_lambda(lambda, self.map.of(&keyword.value)),
                        (value, _) => self.expr(value),
                    }
                }
            }
            E::FormattedValue(e) => {
                self.expr(&e.value);
                if let Some(spec) = &e.format_spec {
                    self.expr(spec);
                }
            }
            E::JoinedStr(e) => e.values.iter().for_each(|v| self.expr(v)),
            E::Constant(c) => match &c.value {
                ast::Constant::Str(text) => self.string_constant(text, span),
                ast::Constant::Bytes(_) => self.push(refuse(Code::UnsupportedExpression, span, "bytes", "bytes literals are not supported", "use a str literal")),
                ast::Constant::Complex { .. } => self.push(refuse(Code::UnsupportedExpression, span, "complex", "complex numbers are not supported", "use floats")),
                ast::Constant::Ellipsis => self.push(refuse(Code::UnsupportedExpression, span, "...", "`...` is not supported", "write the value")),
                _ => {}
            },
            E::Attribute(e) => {
                self.attribute_name(e.attr.as_str(), self.map.of_attribute(e));
                self.expr(&e.value);
            }
            E::Subscript(e) => {
                self.expr(&e.value);
                self.expr(&e.slice);
            }
            E::Starred(e) => self.expr(&e.value),
            E::Name(e) => {
                let name = e.id.as_str();
                if allowlist::FORBIDDEN_BUILTINS.contains(&name) {
                    self.push(forbidden_builtin(name, span));
                } else if self.annotation_names.contains(name) {
                    self.push(refuse(Code::Import, span, name, format!("`{name}` comes from `typing`, whose names may only annotate (annotations are ignored)"), "use it in annotations only, e.g. `def f(x: Any) -> pl.Expr:`"));
                } else if name.starts_with("__") {
                    self.push(refuse(Code::PrivateAttribute, span, name, format!("dunder names are not accessible (`{name}`)"), "use only plain names"));
                }
            }
            E::List(e) => e.elts.iter().for_each(|v| self.expr(v)),
            E::Tuple(e) => e.elts.iter().for_each(|v| self.expr(v)),
            E::Slice(e) => {
                for part in [&e.lower, &e.upper, &e.step].into_iter().flatten() {
                    self.expr(part);
                }
            }
        }
    }

    /// `getattr(obj, name)`: two arguments, the name a string. A constant name is checked here
    /// like `obj.name`; a computed one (a loop variable, an f-string) is checked by the
    /// interpreter against the same allowlist when it is known. A default (third argument)
    /// would hide a refused name, so it is not accepted.
    fn getattr_call(&mut self, e: &ast::ExprCall, span: Span) {
        if e.args.len() != 2 || !e.keywords.is_empty() || e.args.iter().any(|a| matches!(a, ast::Expr::Starred(_))) {
            self.push(refuse(Code::ForbiddenBuiltin, span, "getattr", "`getattr` takes exactly an object and an attribute name here (no default)", "call the method directly, e.g. `pl.col(\"x\").mean()`"));
            return;
        }
        self.expr(&e.args[0]);
        match &e.args[1] {
            ast::Expr::Constant(c) => match &c.value {
                ast::Constant::Str(name) => self.attribute_name(name, self.map.of(&e.args[1])),
                _ => self.push(refuse(Code::ForbiddenBuiltin, self.map.of(&e.args[1]), "getattr", "the attribute name of `getattr` must be a string", "pass the method's name as a string")),
            },
            other => self.expr(other),
        }
    }

    /// Refuse direct and mutual recursion between top-level helpers.
    fn recursion(&mut self, suite: &[ast::Stmt]) {
        let mut defs: BTreeMap<&str, (&ast::StmtFunctionDef, Span)> = BTreeMap::new();
        for stmt in suite {
            if let ast::Stmt::FunctionDef(def) = stmt {
                defs.insert(def.name.as_str(), (def, span_first_line(self.map.of(stmt))));
            }
        }
        let mut edges: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
        for (name, (def, _)) in &defs {
            let mut names = BTreeSet::new();
            for stmt in &def.body {
                collect_names_stmt(stmt, &mut names);
            }
            names.retain(|n| defs.contains_key(n.as_str()));
            edges.insert(name, names);
        }
        let mut reported: BTreeSet<&str> = BTreeSet::new();
        for (start, (_, span)) in &defs {
            if reported.contains(start) {
                continue;
            }
            if let Some(cycle) = find_cycle(start, &edges) {
                for member in &cycle {
                    if let Some(m) = defs.keys().find(|k| **k == member.as_str()) {
                        reported.insert(m);
                    }
                }
                let path = cycle.join(" → ");
                self.push(refuse(Code::Recursion, *span, format!("def {start}"), format!("recursive helper: {path}"), "helpers may not call themselves, directly or through each other; use a `for` loop over a bounded list"));
            }
        }
    }
}

fn find_cycle(start: &str, edges: &BTreeMap<&str, BTreeSet<String>>) -> Option<Vec<String>> {
    // Depth-first search for a path from `start` back to `start`.
    let mut stack: Vec<(String, Vec<String>)> = vec![(start.to_string(), vec![start.to_string()])];
    let mut visited = BTreeSet::new();
    while let Some((node, path)) = stack.pop() {
        for next in edges.get(node.as_str()).into_iter().flatten() {
            if next == start {
                let mut cycle = path.clone();
                cycle.push(start.to_string());
                return Some(cycle);
            }
            if visited.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push((next.clone(), longer));
            }
        }
    }
    None
}

pub(crate) fn collect_names_stmt(stmt: &ast::Stmt, names: &mut BTreeSet<String>) {
    use ast::Stmt as S;
    match stmt {
        S::Expr(s) => collect_names(&s.value, names),
        S::Assign(s) => collect_names(&s.value, names),
        S::AugAssign(s) => collect_names(&s.value, names),
        S::AnnAssign(s) => {
            if let Some(v) = &s.value {
                collect_names(v, names)
            }
        }
        S::Return(s) => {
            if let Some(v) = &s.value {
                collect_names(v, names)
            }
        }
        S::For(s) => {
            collect_names(&s.iter, names);
            s.body.iter().for_each(|b| collect_names_stmt(b, names));
        }
        S::If(s) => {
            collect_names(&s.test, names);
            s.body.iter().chain(&s.orelse).for_each(|b| collect_names_stmt(b, names));
        }
        S::FunctionDef(s) => s.body.iter().for_each(|b| collect_names_stmt(b, names)),
        _ => {}
    }
}

fn collect_names(expr: &ast::Expr, names: &mut BTreeSet<String>) {
    use ast::Expr as E;
    let mut go = |e: &ast::Expr| collect_names(e, names);
    match expr {
        E::Name(n) => {
            names.insert(n.id.to_string());
        }
        E::BoolOp(e) => e.values.iter().for_each(go),
        E::BinOp(e) => {
            go(&e.left);
            go(&e.right);
        }
        E::UnaryOp(e) => go(&e.operand),
        E::IfExp(e) => {
            go(&e.test);
            go(&e.body);
            go(&e.orelse);
        }
        E::Dict(e) => e.keys.iter().flatten().chain(e.values.iter()).for_each(go),
        E::Set(e) => e.elts.iter().for_each(go),
        E::List(e) => e.elts.iter().for_each(go),
        E::Tuple(e) => e.elts.iter().for_each(go),
        E::ListComp(e) => collect_comprehension_names(&[&e.elt], &e.generators, names),
        E::SetComp(e) => collect_comprehension_names(&[&e.elt], &e.generators, names),
        E::GeneratorExp(e) => collect_comprehension_names(&[&e.elt], &e.generators, names),
        E::DictComp(e) => collect_comprehension_names(&[&e.key, &e.value], &e.generators, names),
        E::Compare(e) => {
            go(&e.left);
            e.comparators.iter().for_each(go);
        }
        E::Call(e) => {
            go(&e.func);
            e.args.iter().for_each(go);
            e.keywords.iter().for_each(|k| collect_names(&k.value, names));
        }
        E::FormattedValue(e) => go(&e.value),
        E::JoinedStr(e) => e.values.iter().for_each(go),
        E::Attribute(e) => go(&e.value),
        E::Subscript(e) => {
            go(&e.value);
            go(&e.slice);
        }
        E::Starred(e) => go(&e.value),
        E::Lambda(e) => {
            // The lambda's parameters are its own names, not reads of the enclosing scope's.
            let mut inner = BTreeSet::new();
            collect_names(&e.body, &mut inner);
            let args = &e.args;
            for arg in args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs) {
                inner.remove(arg.def.arg.as_str());
            }
            for arg in [&args.vararg, &args.kwarg].into_iter().flatten() {
                inner.remove(arg.arg.as_str());
            }
            names.extend(inner);
        }
        E::Slice(e) => [&e.lower, &e.upper, &e.step].into_iter().flatten().for_each(|x| collect_names(x, names)),
        _ => {}
    }
}

/// A comprehension's reads, scoped as Python scopes them: its loop variables are its own, and
/// only the first `for`'s iterable is evaluated in the enclosing scope.
fn collect_comprehension_names(results: &[&ast::Expr], generators: &[ast::Comprehension], names: &mut BTreeSet<String>) {
    let mut inner = BTreeSet::new();
    for result in results {
        collect_names(result, &mut inner);
    }
    for (i, generator) in generators.iter().enumerate() {
        collect_names(&generator.iter, if i == 0 { &mut *names } else { &mut inner });
        generator.ifs.iter().for_each(|condition| collect_names(condition, &mut inner));
    }
    for generator in generators {
        let mut targets = BTreeSet::new();
        collect_names(&generator.target, &mut targets);
        inner.retain(|name| !targets.contains(name));
    }
    names.extend(inner);
}

fn is_static_method(f: &ast::StmtFunctionDef) -> bool {
    matches!(f.decorator_list.as_slice(), [ast::Expr::Name(n)] if n.id.as_str() == "staticmethod")
}

/// The helpers of top-level classes that consist of `@staticmethod` helpers only.
fn static_method_names(suite: &[ast::Stmt]) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for stmt in suite {
        if let ast::Stmt::ClassDef(c) = stmt {
            for f in c.body.iter().filter_map(|s| if let ast::Stmt::FunctionDef(f) = s { Some(f) } else { None }) {
                if is_static_method(f) && !f.name.as_str().starts_with('_') {
                    names.insert(f.name.to_string());
                }
            }
        }
    }
    names
}

fn span_first_line(span: Span) -> Span {
    if span.end_line > span.line {
        Span { end_line: span.line, end_column: span.column + 1, ..span }
    } else {
        span
    }
}

fn is_string_literal(expr: &ast::Expr) -> bool {
    matches!(expr, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Str(_))) || matches!(expr, ast::Expr::JoinedStr(_))
}

fn looks_like_url(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.contains("://") || lower.starts_with("www.") || lower.starts_with("file:") || lower.starts_with("s3:") || lower.starts_with("gs:")
}

/// `base.name.map(str.<method>)` with an argument-free `str` method: the expression `base`
/// (the mapping itself runs in Rust, on column names, at plan time).
fn name_map_of_str_method(call: &ast::ExprCall) -> Option<&ast::Expr> {
    use ast::Expr as E;
    let E::Attribute(map) = call.func.as_ref() else { return None };
    let E::Attribute(name) = map.value.as_ref() else { return None };
    let ([E::Attribute(method)], true) = (call.args.as_slice(), call.keywords.is_empty()) else { return None };
    let is_str = matches!(method.value.as_ref(), E::Name(n) if n.id.as_str() == "str");
    (map.attr.as_str() == "map" && name.attr.as_str() == "name" && is_str && crate::interpret::str_name_method(method.attr.as_str(), "").is_some()).then_some(name.value.as_ref())
}

fn import_refusal(span: Span, module: &str) -> Diagnostic {
    let allowed = allowlist::IMPORTABLE
        .iter()
        .map(|(m, alias)| if m == alias { format!("`import {m}`") } else { format!("`import {m} as {alias}`") })
        .collect::<Vec<_>>()
        .join(", ");
    refuse(Code::Import, span, format!("import {module}"), format!("importing `{module}` is not allowed"), format!("only {allowed} are available (and already bound)"))
}

pub(crate) fn forbidden_builtin(name: &str, span: Span) -> Diagnostic {
    let hint = match name {
        "eval" | "exec" | "compile" => "write the expression directly as code",
        "open" | "input" => "files are loaded with `%fe load`; refer to frames by name",
        "getattr" | "setattr" | "delattr" | "hasattr" | "vars" | "dir" => "call the method directly, e.g. `pl.col(\"x\").mean()`",
        "globals" | "locals" => "refer to variables by name",
        "map" | "filter" => "use a list comprehension, or a Polars expression on columns",
        "format" | "repr" | "ascii" => "use an f-string or `str(x)`",
        "type" | "issubclass" => "compare data types directly (`dtype == pl.Float64`) or use `dtype.is_numeric()`",
        "iter" | "next" => "index the list (`xs[0]`) or loop with `for`",
        "print" => "feature code runs in the worker, where printed text would be lost: show a frame with `%fe show NAME` (or `%fe schema NAME`) after the cell, or put the value in a column",
        _ => "use the feature language's builtins: len, range, enumerate, zip, min, max, sum, sorted, …",
    };
    let message = match name {
        "print" => "`print` is not supported: feature code runs in the worker and nothing it printed would be shown".to_string(),
        _ => format!("`{name}` is not allowed"),
    };
    refuse(Code::ForbiddenBuiltin, span, name, message, hint)
}

pub(crate) fn refused_attribute_diagnostic(refusal: Refusal, name: &str, span: Span) -> Diagnostic {
    match refusal {
        Refusal::PythonUdf => refuse(Code::PythonUdf, span, name, format!("`{name}` runs Python code per row or batch and is not allowed"), "use an expression such as `pl.when(cond).then(a).otherwise(b)`, arithmetic, or the str/dt namespaces"),
        Refusal::InputOutput => refuse(Code::InputOutput, span, name, format!("`{name}` reads or writes files, databases or the network and is not allowed"), "load data with `%fe load`, save with `%fe save`; frames loaded are visible by name"),
        Refusal::Sql => refuse(Code::Sql, span, name, format!("`{name}` (SQL) is not allowed"), "write the query with frame methods: `filter`, `group_by(...).agg(...)`, `join`"),
        Refusal::StringFormatting => refuse(Code::StringFormatting, span, name, format!("`{name}` formatting is not allowed"), "use an f-string"),
        Refusal::LeavesPolars => refuse(Code::UnknownAttribute, span, name, format!("`{name}` leaves the Polars plan or exposes internals and is not allowed"), "keep working with expressions and frames; the kernel shows and saves results"),
        Refusal::Random => refuse(Code::UnknownAttribute, span, name, format!("`{name}` is random and not allowed (results must be reproducible)"), "use `head(n)` or a deterministic filter such as `pl.int_range(pl.len()) % 10 == 0`"),
        Refusal::DiffersFromPython => refuse(Code::UnknownAttribute, span, name, format!("`{name}` gives other values here (Rust Polars 0.55) than in Python Polars 2.1, so the exported code would not reproduce them"), "for buckets use a deterministic key, e.g. `pl.col(\"id\") % 10`, or `rank(\"dense\")`; to compare rows use `pl.struct(...)` or `is_duplicated()`"),
    }
}
