// The nesting limit: how deep a cell's expressions and blocks may nest before anything else
// walks them. Measured without recursion, so a cell of any depth is refused, never a crash.

use crate::diagnostics::{Code, Diagnostic};
use crate::parse::{ast, SourceMap};

/// Deepest nesting of expressions and blocks a cell may have. CPython 3.11 compiles up to about
/// 2,990 levels (a sum of 2,990 terms, a chain of 1,494 method calls); the limit is just above.
pub const MAX_NESTING: usize = 3_000;

#[derive(Clone, Copy)]
enum Node<'a> {
    Stmt(&'a ast::Stmt),
    Expr(&'a ast::Expr),
}

/// The refusal for a cell nested deeper than `limit`, at the first node past it.
pub(crate) fn nesting_refusal(suite: &[ast::Stmt], map: &SourceMap<'_>, limit: usize) -> Option<Diagnostic> {
    let mut stack: Vec<(Node<'_>, usize)> = suite.iter().rev().map(|s| (Node::Stmt(s), 1)).collect();
    let mut deepest = 0;
    let mut first_over: Option<Node<'_>> = None;
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        let mut children: Vec<Node<'_>> = Vec::new();
        match node {
            Node::Stmt(s) => stmt_children(s, &mut children),
            Node::Expr(e) => expr_children(e, &mut children),
        }
        if depth > limit && first_over.is_none() {
            first_over = Some(node);
        }
        stack.extend(children.into_iter().rev().map(|c| (c, depth + 1)));
    }
    let node = first_over?;
    let span = match node {
        Node::Stmt(s) => map.of(s),
        Node::Expr(e) => map.of(e),
    };
    let span = crate::diagnostics::Span { end_line: span.line, end_column: span.column + 1, ..span };
    Some(
        Diagnostic::new(Code::NestingLimit, span, "nesting", format!("the code nests {deepest} deep, over the limit of {limit}"))
            .with_hint("split the expression: build parts in a `for` loop or in named variables, or use a horizontal function such as `pl.sum_horizontal(...)`"),
    )
}

fn stmt_children<'a>(stmt: &'a ast::Stmt, out: &mut Vec<Node<'a>>) {
    use ast::Stmt as S;
    let exprs = |out: &mut Vec<Node<'a>>, items: &mut dyn Iterator<Item = &'a ast::Expr>| out.extend(items.map(Node::Expr));
    match stmt {
        S::Expr(s) => out.push(Node::Expr(&s.value)),
        S::Assign(s) => {
            exprs(out, &mut s.targets.iter());
            out.push(Node::Expr(&s.value));
        }
        S::AugAssign(s) => exprs(out, &mut [&*s.target, &*s.value].into_iter()),
        S::AnnAssign(s) => {
            out.push(Node::Expr(&s.target));
            out.extend(s.value.as_deref().map(Node::Expr));
        }
        S::Return(s) => out.extend(s.value.as_deref().map(Node::Expr)),
        S::For(s) => {
            exprs(out, &mut [&*s.target, &*s.iter].into_iter());
            out.extend(s.body.iter().chain(&s.orelse).map(Node::Stmt));
        }
        S::While(s) => {
            out.push(Node::Expr(&s.test));
            out.extend(s.body.iter().chain(&s.orelse).map(Node::Stmt));
        }
        S::If(s) => {
            out.push(Node::Expr(&s.test));
            out.extend(s.body.iter().chain(&s.orelse).map(Node::Stmt));
        }
        S::FunctionDef(s) => {
            arguments(&s.args, out);
            out.extend(s.decorator_list.iter().map(Node::Expr));
            out.extend(s.body.iter().map(Node::Stmt));
        }
        S::ClassDef(s) => out.extend(s.body.iter().map(Node::Stmt)),
        S::With(s) => out.extend(s.body.iter().map(Node::Stmt)),
        S::Try(s) => out.extend(s.body.iter().chain(&s.orelse).chain(&s.finalbody).map(Node::Stmt)),
        _ => {}
    }
}

fn arguments<'a>(args: &'a ast::Arguments, out: &mut Vec<Node<'a>>) {
    for arg in args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs) {
        out.extend(arg.default.as_deref().map(Node::Expr));
    }
}

fn comprehensions<'a>(generators: &'a [ast::Comprehension], out: &mut Vec<Node<'a>>) {
    for g in generators {
        out.push(Node::Expr(&g.target));
        out.push(Node::Expr(&g.iter));
        out.extend(g.ifs.iter().map(Node::Expr));
    }
}

fn expr_children<'a>(expr: &'a ast::Expr, out: &mut Vec<Node<'a>>) {
    use ast::Expr as E;
    match expr {
        E::BoolOp(e) => out.extend(e.values.iter().map(Node::Expr)),
        E::NamedExpr(e) => out.extend([Node::Expr(&e.target), Node::Expr(&e.value)]),
        E::BinOp(e) => out.extend([Node::Expr(&e.left), Node::Expr(&e.right)]),
        E::UnaryOp(e) => out.push(Node::Expr(&e.operand)),
        E::Lambda(e) => {
            arguments(&e.args, out);
            out.push(Node::Expr(&e.body));
        }
        E::IfExp(e) => out.extend([Node::Expr(&e.test), Node::Expr(&e.body), Node::Expr(&e.orelse)]),
        E::Dict(e) => {
            out.extend(e.keys.iter().flatten().map(Node::Expr));
            out.extend(e.values.iter().map(Node::Expr));
        }
        E::Set(e) => out.extend(e.elts.iter().map(Node::Expr)),
        E::ListComp(e) => {
            out.push(Node::Expr(&e.elt));
            comprehensions(&e.generators, out);
        }
        E::SetComp(e) => {
            out.push(Node::Expr(&e.elt));
            comprehensions(&e.generators, out);
        }
        E::GeneratorExp(e) => {
            out.push(Node::Expr(&e.elt));
            comprehensions(&e.generators, out);
        }
        E::DictComp(e) => {
            out.extend([Node::Expr(&e.key), Node::Expr(&e.value)]);
            comprehensions(&e.generators, out);
        }
        E::Await(e) => out.push(Node::Expr(&e.value)),
        E::Yield(e) => out.extend(e.value.as_deref().map(Node::Expr)),
        E::YieldFrom(e) => out.push(Node::Expr(&e.value)),
        E::Compare(e) => {
            out.push(Node::Expr(&e.left));
            out.extend(e.comparators.iter().map(Node::Expr));
        }
        E::Call(e) => {
            out.push(Node::Expr(&e.func));
            out.extend(e.args.iter().map(Node::Expr));
            out.extend(e.keywords.iter().map(|k| Node::Expr(&k.value)));
        }
        E::FormattedValue(e) => {
            out.push(Node::Expr(&e.value));
            out.extend(e.format_spec.as_deref().map(Node::Expr));
        }
        E::JoinedStr(e) => out.extend(e.values.iter().map(Node::Expr)),
        E::Attribute(e) => out.push(Node::Expr(&e.value)),
        E::Subscript(e) => out.extend([Node::Expr(&e.value), Node::Expr(&e.slice)]),
        E::Starred(e) => out.push(Node::Expr(&e.value)),
        E::List(e) => out.extend(e.elts.iter().map(Node::Expr)),
        E::Tuple(e) => out.extend(e.elts.iter().map(Node::Expr)),
        E::Slice(e) => out.extend([&e.lower, &e.upper, &e.step].into_iter().flatten().map(|x| Node::Expr(x))),
        E::Constant(_) | E::Name(_) => {}
    }
}
