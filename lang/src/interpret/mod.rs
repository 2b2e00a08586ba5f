// The interpreter: a small tree-walking evaluator of the checked Python subset that builds
// Rust Polars lazy plans. This module holds its state, budgets and the entry point.

mod args;
mod builtins;
mod checked_functions;
pub(crate) mod collect;
mod conversions;
mod expr_methods;
mod expr_namespaces;
mod expr_positions;
mod expr_statistics;
mod expressions;
pub(crate) mod failure;
mod fitted;
mod fitted_dummies;
mod fitted_frames;
pub(crate) mod taken_values;
pub(crate) mod format_spec;
mod frame_joins;
mod frame_describe;
mod frame_indexing;
mod frame_methods;
mod frame_values;
mod list_methods;
mod module_datetime;
mod module_math;
mod module_operator;
mod module_pl;
mod module_selectors;
mod operators;
mod python_helpers;
mod python_methods;
mod row_budget;
mod series;
mod statements;
mod str_methods;
mod struct_methods;
mod time_series;
mod titlecase;
pub(crate) mod values;

use std::cell::Cell;
use std::collections::{BTreeSet, HashMap};

use polars::prelude::*;
use polars_plan::plans::{AExpr, IR};
use polars_plan::prelude::Arena;

use crate::diagnostics::{Code, Span};
use crate::parse::{ast, SourceMap};
use crate::Limits;
use failure::{Fail, Result};
use values::{Frame, Module, Value};

pub(crate) use collect::collect_checked;
pub(crate) use python_methods::str_name_method;
pub(crate) use fitted::RESERVED_PREFIX;

/// The start of the error a replayed collect gives when its recorded value was too large.
pub(crate) const TAKEN_TOO_LARGE: &str = "a value taken from the data is too large to be a literal";

thread_local! {
    static STEPS_ON_THIS_THREAD: Cell<u64> = const { Cell::new(0) };
}

/// Interpreter steps taken on the current thread since it started (for tests that prove a
/// refused cell never reached the interpreter).
pub fn steps_on_this_thread() -> u64 {
    STEPS_ON_THIS_THREAD.with(|c| c.get())
}

/// Count steps another thread took for this one (deep work runs on its own thread).
pub(crate) fn add_steps_on_this_thread(steps: u64) {
    STEPS_ON_THIS_THREAD.with(|c| c.set(c.get() + steps));
}

/// What the interpreter produced.
pub(crate) struct Outcome {
    pub frame: LazyFrame,
    pub columns_read: BTreeSet<String>,
    /// The values the step took from the data, when they were recorded.
    pub taken: Vec<Option<DataFrame>>,
}

pub(crate) struct Interpreter<'a, 'src> {
    pub map: &'a SourceMap<'src>,
    pub limits: &'a Limits,
    globals: HashMap<String, Value>,
    locals: Vec<HashMap<String, Value>>,
    steps: u64,
    loop_iterations: u64,
    call_depth: u32,
    next_frame_id: u64,
    target_schema: SchemaRef,
    names_read: BTreeSet<String>,
    selectors_read: Vec<Selector>,
    /// A fitted replay: frames derived from `df` carry a fit side (see `fitted_frames`).
    fitted: bool,
    /// Plan arenas shared by every schema resolution of the cell: a frame derived from an
    /// already resolved one only converts its new top node (see [`Interpreter::resolve`]).
    lp_arena: Arena<IR>,
    expr_arena: Arena<AExpr>,
    /// The span of the call being evaluated (for errors raised deep inside methods).
    pub current_span: Span,
    /// Frames that hold one eager Series (`pl.int_range(..., eager=True)`): used in another
    /// frame's methods, such a Series is a literal of its values.
    eager_frames: BTreeSet<u64>,
    /// Calls of `pl.`/`cs.` functions so far (a fold's function may make none).
    polars_calls: u64,
    /// Where collected values come from (live, recorded, or replayed on schema-only frames).
    pub(crate) data_values: taken_values::DataValues,
}

impl<'a, 'src> Interpreter<'a, 'src> {
    pub fn new(map: &'a SourceMap<'src>, limits: &'a Limits, target_schema: SchemaRef) -> Self {
        let mut globals = HashMap::new();
        globals.insert("pl".to_string(), Value::Module(Module::Polars));
        globals.insert("cs".to_string(), Value::Module(Module::Selectors));
        globals.insert("math".to_string(), Value::Module(Module::Math));
        globals.insert("np".to_string(), Value::Module(Module::Numpy));
        globals.insert("itertools".to_string(), Value::Module(Module::Itertools));
        globals.insert("operator".to_string(), Value::Module(Module::Operator));
        globals.insert("datetime".to_string(), Value::Module(Module::Datetime));
        for name in builtins::NAMES {
            globals.insert(name.to_string(), Value::Builtin(name));
        }
        globals.insert("True".to_string(), Value::Bool(true));
        Interpreter {
            map,
            limits,
            globals,
            locals: Vec::new(),
            steps: 0,
            loop_iterations: 0,
            call_depth: 0,
            next_frame_id: 1,
            target_schema,
            names_read: BTreeSet::new(),
            selectors_read: Vec::new(),
            fitted: false,
            lp_arena: Arena::new(),
            expr_arena: Arena::new(),
            current_span: Span::default(),
            eager_frames: BTreeSet::new(),
            polars_calls: 0,
            data_values: taken_values::DataValues::Live,
        }
    }

    /// Bind a frame under a global name.
    pub fn bind_frame(&mut self, name: &str, lf: LazyFrame) {
        let frame = self.new_frame(lf);
        self.globals.insert(name.to_string(), Value::Frame(frame));
    }

    /// Bind a frame with two sides under a global name: `new` is what the code runs on, `fit`
    /// the data the step was fitted on. From then on the interpreter runs a fitted replay.
    pub fn bind_fitted_frame(&mut self, name: &str, new: LazyFrame, fit: LazyFrame) {
        self.fitted = true;
        let frame = self.new_sided_frame(new, Some(fit));
        self.globals.insert(name.to_string(), Value::Frame(frame));
    }

    pub fn new_frame(&mut self, lf: LazyFrame) -> Frame {
        self.new_sided_frame(lf, None)
    }

    pub fn new_sided_frame(&mut self, lf: LazyFrame, fit: Option<LazyFrame>) -> Frame {
        let id = self.next_frame_id;
        self.next_frame_id += 1;
        Frame { lf, fit, id }
    }

    /// Run the cell and return what `df` is bound to.
    pub fn run(mut self, suite: &[ast::Stmt]) -> Result<Outcome> {
        self.statements(suite)?;
        let frame = match self.globals.get("df").cloned() {
            Some(Value::Frame(frame)) => self.final_new_side(&frame)?,
            Some(Value::Column(column)) => match self.derive_with_exprs(&column.frame, vec![column.expr.clone()], |lf, e| lf.select(e))? {
                Value::Frame(frame) => self.final_new_side(&frame)?,
                _ => unreachable!("derive_with_exprs makes frames"),
            },
            Some(other) => {
                return Err(Fail::type_error(format!("at the end of the cell `df` must be a frame, but it is a {}", other.type_name()))
                    .hint("assign the result of a frame method back to `df`, e.g. `df = df.with_columns(...)`"))
            }
            None => return Err(Fail::new(Code::NameError, "`df` is not bound at the end of the cell")),
        };
        let mut columns_read: BTreeSet<String> =
            self.names_read.iter().filter(|n| self.target_schema.contains(n.as_str())).cloned().collect();
        for selector in &self.selectors_read {
            if let Ok(names) = selector.into_columns(&self.target_schema, &Default::default()) {
                columns_read.extend(names.iter().map(|n| n.to_string()));
            }
        }
        let taken = std::mem::replace(&mut self.data_values, taken_values::DataValues::Live).into_taken();
        Ok(Outcome { frame, columns_read, taken })
    }

    /// Count one evaluation step against the budget.
    pub fn step(&mut self) -> Result<()> {
        self.steps += 1;
        STEPS_ON_THIS_THREAD.with(|c| c.set(c.get() + 1));
        if self.steps > self.limits.max_steps {
            return Err(Fail::new(Code::StepBudget, format!("the cell took more than {} evaluation steps", self.limits.max_steps))
                .hint("loop over fewer items, or express the work as one Polars expression over columns"));
        }
        Ok(())
    }

    /// Count one loop (or comprehension) iteration against the budget.
    pub fn loop_iteration(&mut self) -> Result<()> {
        self.loop_iterations += 1;
        if self.loop_iterations > self.limits.max_loop_iterations {
            return Err(Fail::new(Code::LoopBudget, format!("loops ran more than {} iterations in total", self.limits.max_loop_iterations))
                .hint("loop over column names rather than rows; per-row work belongs in expressions"));
        }
        Ok(())
    }

    /// Refuse lists longer than the budget.
    pub fn check_list_len(&self, len: usize) -> Result<()> {
        if len > self.limits.max_list_len {
            return Err(Fail::new(Code::ListBudget, format!("a list of {len} items exceeds the limit of {}", self.limits.max_list_len))
                .hint("build columns with Polars (`pl.int_range`, expressions) instead of Python lists"));
        }
        Ok(())
    }

    /// Refuse a plan step that would produce more rows than the budget.
    pub fn check_rows(&self, rows: u64, what: &str) -> Result<()> {
        if rows > self.limits.max_rows {
            return Err(Fail::new(Code::RowBudget, format!("{what} would produce {rows} rows, over the row budget of {}", self.limits.max_rows))
                .hint("filter or aggregate first; a cross join of n and m rows makes n×m rows"));
        }
        Ok(())
    }

    pub fn enter_call(&mut self) -> Result<()> {
        self.call_depth += 1;
        if self.call_depth > self.limits.max_call_depth {
            return Err(Fail::new(Code::CallDepth, format!("helper calls nested deeper than {}", self.limits.max_call_depth))
                .hint("flatten the helpers: call them one after another"));
        }
        Ok(())
    }

    pub fn leave_call(&mut self) {
        self.call_depth -= 1;
    }

    pub fn lookup(&self, name: &str) -> Option<Value> {
        if let Some(scope) = self.locals.last() {
            if let Some(v) = scope.get(name) {
                return Some(v.clone());
            }
        }
        self.globals.get(name).cloned()
    }

    pub fn assign_name(&mut self, name: &str, value: Value) {
        match self.locals.last_mut() {
            Some(scope) => {
                scope.insert(name.to_string(), value);
            }
            None => {
                self.globals.insert(name.to_string(), value);
            }
        }
    }

    /// Remember that the code reads a column by name (for leakage warnings).
    pub fn note_column(&mut self, name: &str) {
        if !self.names_read.contains(name) {
            self.names_read.insert(name.to_string());
        }
    }

    pub fn note_selector(&mut self, selector: &Selector) {
        if self.selectors_read.len() < 256 {
            self.selectors_read.push(selector.clone());
        }
    }

    /// Resolve a plan's schema in the cell's arenas (Polars deprecations become errors). The
    /// plan is rewritten to point at its resolved node, so plans built on it later resolve
    /// incrementally; collecting still converts the original plan afresh.
    pub fn resolve(&mut self, lf: &mut LazyFrame) -> Result<SchemaRef> {
        let (lp_arena, expr_arena) = (&mut self.lp_arena, &mut self.expr_arena);
        collect::with_deprecations_as_errors(|| lf.schema_with_arenas(lp_arena, expr_arena))
    }

    /// The schema of a plan (resolved on a copy, see [`Interpreter::resolve`]).
    pub fn schema_of(&mut self, lf: &LazyFrame) -> Result<SchemaRef> {
        self.resolve(&mut lf.clone())
    }

    /// Collect a (small) plan, turning Polars errors and deprecations into failures.
    /// On schema-only frames with recorded values, the next recorded value stands for it.
    pub fn collect(&self, lf: LazyFrame) -> Result<DataFrame> {
        if self.data_values.is_schema_only() {
            return match self.data_values.next_replayed() {
                taken_values::Replayed::Value(df) => Ok(df),
                taken_values::Replayed::TooLarge => Err(Fail::new(Code::PolarsError, format!("{TAKEN_TOO_LARGE}: the step takes more than {} rows from the data as Python values", self.limits.max_list_len))
                    .hint("compute it as an expression over the frame instead")),
                // The frames have no data: collecting them fails with the caller's marker.
                taken_values::Replayed::Missing => collect_checked(lf),
            };
        }
        let df = collect_checked(lf)?;
        self.data_values.record(&df);
        Ok(df)
    }

    /// Collect a plan whose result is data, not a value of the step (never recorded).
    pub fn collect_unrecorded(&self, lf: LazyFrame) -> Result<DataFrame> {
        collect_checked(lf)
    }

    /// Collect a plan that only counts rows for a budget check; `None` on schema-only frames,
    /// where there are no rows to count (and no value of the step is involved).
    pub fn budget_collect(&self, lf: LazyFrame) -> Result<Option<DataFrame>> {
        if self.data_values.is_schema_only() {
            return Ok(None);
        }
        collect_checked(lf).map(Some)
    }

    /// The row count of a frame for a budget check (0 on schema-only frames).
    pub fn budget_height(&self, lf: &LazyFrame) -> Result<u64> {
        let Some(counted) = self.budget_collect(lf.clone().select([len().alias("len")]))? else { return Ok(0) };
        let value = counted.column("len").map_err(Fail::from)?.get(0).map_err(Fail::from)?;
        Ok(value.extract::<u64>().unwrap_or(0))
    }

    /// The row count of a frame (collects a count query).
    pub fn height(&self, lf: &LazyFrame) -> Result<u64> {
        let counted = self.collect(lf.clone().select([len().alias("len")]))?;
        let value = counted.column("len").map_err(Fail::from)?.get(0).map_err(Fail::from)?;
        Ok(value.extract::<u64>().unwrap_or(0))
    }
}

impl Interpreter<'_, '_> {
    pub fn note_eager_frame(&mut self, id: u64) {
        self.eager_frames.insert(id);
    }

    /// Whether a frame holds an eager Series (see [`Interpreter::eager_series`]).
    pub fn is_eager_frame(&self, id: u64) -> bool {
        self.eager_frames.contains(&id)
    }

    pub fn push_scope(&mut self, scope: HashMap<String, Value>) {
        self.locals.push(scope);
    }

    pub fn pop_scope(&mut self) {
        self.locals.pop();
    }

    /// Remove a binding made by a comprehension.
    pub fn unbind(&mut self, name: &str) {
        match self.locals.last_mut() {
            Some(scope) => {
                scope.remove(name);
            }
            None => {
                self.globals.remove(name);
            }
        }
    }
}
