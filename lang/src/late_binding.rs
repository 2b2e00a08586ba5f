// Nested `def`s: the interpreter gives an inner function a copy of the enclosing function's
// names when the `def` runs; Python reads them when it is called. This finds where the two differ.
//!
//! They differ only when a name the inner function reads from the enclosing one is bound again
//! after the `def` (later in the body, or by the loop the `def` sits in). Those nested defs are
//! refused; every other nested def (the common helper-inside-a-helper) behaves as in Python.

use std::collections::BTreeSet;

use rustpython_parser::text_size::TextSize;

use crate::parse::ast;

/// Why a nested def would read another value than Python's.
pub(crate) enum LateRead<'a> {
    /// The enclosing function binds `name` again after the `def`.
    BoundLater { def: &'a ast::StmtFunctionDef, name: String },
    /// The `def` is in a loop that binds `name` on every pass.
    BoundByLoop { def: &'a ast::StmtFunctionDef, name: String },
    /// The inner function calls itself.
    CallsItself { def: &'a ast::StmtFunctionDef },
}

/// The nested defs of the top-level function `outer` (at any depth) that would read another
/// value than Python reads.
pub(crate) fn late_reads(outer: &ast::StmtFunctionDef) -> Vec<LateRead<'_>> {
    let mut found = Vec::new();
    visit_function(outer, &mut found);
    found
}

/// A name bound in a function body: where, and inside which loops (their start offsets).
struct Binding {
    name: String,
    at: TextSize,
    loops: Vec<TextSize>,
}

/// A `def` directly in a function body, and the loops around it.
struct NestedDef<'a> {
    def: &'a ast::StmtFunctionDef,
    loops: Vec<TextSize>,
}

fn visit_function<'a>(function: &'a ast::StmtFunctionDef, found: &mut Vec<LateRead<'a>>) {
    let (mut bindings, mut nested) = (Vec::new(), Vec::new());
    walk_body(&function.body, &mut Vec::new(), &mut bindings, &mut nested);
    for NestedDef { def, loops } in nested {
        let free = free_names(def);
        if free.contains(def.name.as_str()) {
            found.push(LateRead::CallsItself { def });
        }
        let start = def.range.start();
        for name in free {
            let mut of_name = bindings.iter().filter(|b| b.name == name);
            if of_name.clone().any(|b| b.at > start) {
                found.push(LateRead::BoundLater { def, name });
            } else if of_name.any(|b| b.loops.iter().any(|l| loops.contains(l))) {
                found.push(LateRead::BoundByLoop { def, name });
            }
        }
        visit_function(def, found);
    }
}

fn walk_body<'a>(body: &'a [ast::Stmt], loops: &mut Vec<TextSize>, bindings: &mut Vec<Binding>, nested: &mut Vec<NestedDef<'a>>) {
    use ast::Stmt as S;
    for stmt in body {
        let mut bind = |names: BTreeSet<String>, at: TextSize, loops: &[TextSize]| {
            bindings.extend(names.into_iter().map(|name| Binding { name, at, loops: loops.to_vec() }));
        };
        match stmt {
            S::Assign(s) => bind(s.targets.iter().flat_map(target_names).collect(), s.range.start(), loops),
            S::AugAssign(s) => bind(target_names(&s.target), s.range.start(), loops),
            S::AnnAssign(s) => bind(target_names(&s.target), s.range.start(), loops),
            S::For(s) => {
                loops.push(s.range.start());
                bind(target_names(&s.target), s.range.start(), loops);
                walk_body(&s.body, loops, bindings, nested);
                loops.pop();
                walk_body(&s.orelse, loops, bindings, nested);
            }
            S::If(s) => {
                walk_body(&s.body, loops, bindings, nested);
                walk_body(&s.orelse, loops, bindings, nested);
            }
            S::FunctionDef(def) => {
                bind(BTreeSet::from([def.name.to_string()]), def.range.start(), loops);
                nested.push(NestedDef { def, loops: loops.clone() });
            }
            _ => {}
        }
    }
}

/// Names the function reads and does not bind itself (parameters, assignments, loop targets).
fn free_names(def: &ast::StmtFunctionDef) -> BTreeSet<String> {
    let mut read = BTreeSet::new();
    for stmt in &def.body {
        crate::check::collect_names_stmt(stmt, &mut read);
    }
    let args = &def.args;
    let mut own: BTreeSet<String> = args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs).map(|a| a.def.arg.to_string()).collect();
    own.extend([&args.vararg, &args.kwarg].into_iter().flatten().map(|a| a.arg.to_string()));
    let (mut bindings, mut nested) = (Vec::new(), Vec::new());
    walk_body(&def.body, &mut Vec::new(), &mut bindings, &mut nested);
    own.extend(bindings.into_iter().map(|b| b.name));
    read.retain(|name| !own.contains(name));
    read
}

fn target_names(target: &ast::Expr) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut stack = vec![target];
    while let Some(t) = stack.pop() {
        match t {
            ast::Expr::Name(n) => {
                names.insert(n.id.to_string());
            }
            ast::Expr::Tuple(t) => stack.extend(t.elts.iter()),
            ast::Expr::List(l) => stack.extend(l.elts.iter()),
            ast::Expr::Starred(s) => stack.push(&s.value),
            _ => {}
        }
    }
    names
}
