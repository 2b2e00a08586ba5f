// fe-lang: the fekernel feature language. Parses Python Polars feature code, refuses anything
// outside an allowlist before it runs, and interprets the rest into Rust Polars lazy plans.
//!
//! The pipeline follows ruff's split: [`parse`](crate) (rustpython-parser) → `check` (a
//! syntactic allowlist walk that refuses with `FE1xx` diagnostics before anything runs) →
//! `interpret` (a tree-walking evaluator of the bounded subset that builds `LazyFrame`s).
//! The allowlist table in [`allowlist`] is the single source of truth for the checker, for
//! argument binding and for `docs/feature-language.md` (see [`reference_markdown`]).
//!
//! ```no_run
//! use fe_lang::{run_cell, Frames, Limits};
//! # fn frames() -> Frames { Frames::new() }
//! let frames: Frames = frames();
//! let out = run_cell("df = df.with_columns((pl.col('a') * 2).alias('b'))", "tx", &frames, &Limits::default());
//! ```

pub mod allowlist;
mod check;
mod deep_stack;
mod diagnostics;
mod interpret;
mod late_binding;
mod nesting;
mod parse;
mod reference;
pub mod spark;
mod streaming_windows;

use std::collections::{BTreeMap, BTreeSet};

use polars::prelude::{DataFrame, IntoLazy, LazyFrame, Schema};

pub use deep_stack::{on_deep_stack, DEEP_STACK_BYTES};
pub use diagnostics::{Code, Diagnostic, DiagnosticKind, Diagnostics, Span};
pub use nesting::MAX_NESTING;
pub use interpret::steps_on_this_thread;
pub use interpret::taken_values::TakenValues;
pub use reference::reference_markdown;
pub use streaming_windows::{streaming_windows, unstreamed_operations};

/// Budgets for one cell.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Limits {
    /// Evaluation steps (statements + expression nodes) in the whole cell.
    pub max_steps: u64,
    /// Iterations of all `for` loops and comprehensions together.
    pub max_loop_iterations: u64,
    /// Length of any Python list built by the cell (also `range`, `to_list`).
    pub max_list_len: usize,
    /// Nesting of helper calls.
    pub max_call_depth: u32,
    /// Rows a budgeted step may produce (cross join, explode, int_range, repeat); string
    /// pads may be at most `max_rows / 1000` characters long.
    pub max_rows: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_steps: 1_000_000, max_loop_iterations: 100_000, max_list_len: 100_000, max_call_depth: 32, max_rows: 50_000_000 }
    }
}

/// Frames visible to a cell, by name.
pub type Frames = BTreeMap<String, LazyFrame>;

/// What a cell produced.
pub struct CellOutput {
    /// The plan `df` is bound to at the end of the cell (not collected).
    pub frame: LazyFrame,
    /// Columns of the target frame the code reads (for leakage warnings).
    pub columns_read: BTreeSet<String>,
}

/// What a static check learned.
#[derive(Clone, Debug)]
pub struct CheckReport {
    /// The schema `df` would have after the cell.
    pub output_schema: Schema,
    /// Columns of the target frame the code reads.
    pub columns_read: BTreeSet<String>,
}

/// Parse, check and interpret `source` with `df` bound to `frames[target]`; the other frames
/// are visible by their names. Returns the plan `df` is bound to at the end (not collected).
///
/// Scalars the code takes from frames (`df["x"].mean()`, `df.height`, `.item()`) are
/// computed by collecting small queries while interpreting.
///
/// Runs on a thread with a large stack ([`on_deep_stack`]); code nested deeper than
/// [`MAX_NESTING`] is refused (`FE306`) before it is checked.
pub fn run_cell(source: &str, target: &str, frames: &Frames, limits: &Limits) -> Result<CellOutput, Diagnostics> {
    on_deep_stack(|| run_cell_with(source, target, frames, limits, interpret::taken_values::DataValues::Live)).map(|(output, _)| output)
}

/// Like [`run_cell`], and records the Python values the step takes from the data
/// (`df["x"].quantile(0.9)`, `df.height`, `.item()`, `.to_list()`, …) in the order it takes them:
/// what [`run_cell_on_schema`] needs to build the same plan without the data.
pub fn run_cell_recording(source: &str, target: &str, frames: &Frames, limits: &Limits) -> Result<(CellOutput, TakenValues), Diagnostics> {
    let recording = interpret::taken_values::DataValues::Recording { taken: Default::default(), max_rows: limits.max_list_len + 1 };
    let (output, taken) = on_deep_stack(|| run_cell_with(source, target, frames, limits, recording))?;
    let taken = TakenValues::from_frames(taken).map_err(|e| {
        Diagnostics::one(Diagnostic::new(Code::PolarsError, Span { line: 1, column: 1, end_line: 1, end_column: 1 }, "step", format!("the values the step took from the data could not be recorded: {e}")))
    })?;
    Ok((output, taken))
}

/// Like [`run_cell`] on frames without data: every value the step takes from the data is the
/// next one of `taken` (recorded by [`run_cell_recording`] on the data), so the plan is the one
/// that run built, with those values as literals. A collect beyond the record reads the frames.
pub fn run_cell_on_schema(source: &str, target: &str, frames: &Frames, limits: &Limits, taken: &TakenValues) -> Result<CellOutput, Diagnostics> {
    let queue = taken.to_frames().map_err(|e| {
        Diagnostics::one(Diagnostic::new(Code::PolarsError, Span { line: 1, column: 1, end_line: 1, end_column: 1 }, "step", format!("the recorded values of the step cannot be read: {e}")))
    })?;
    let replaying = interpret::taken_values::DataValues::Replaying(std::cell::RefCell::new(queue));
    on_deep_stack(|| run_cell_with(source, target, frames, limits, replaying)).map(|(output, _)| output)
}

fn run_cell_with(source: &str, target: &str, frames: &Frames, limits: &Limits, data_values: interpret::taken_values::DataValues) -> Result<(CellOutput, Vec<Option<DataFrame>>), Diagnostics> {
    let parsed = parse::parse_cell(source)?;
    refuse_outside_language(&parsed)?;
    let Some(target_frame) = frames.get(target) else {
        return Err(missing_target(target));
    };
    let target_schema = interpret::collect::schema_checked(target_frame).map_err(|f| Diagnostics::one(f.into_diagnostic()))?;
    let mut interpreter = interpret::Interpreter::new(&parsed.locator, limits, target_schema);
    for (name, lf) in frames {
        if is_identifier(name) {
            interpreter.bind_frame(name, lf.clone());
        }
    }
    interpreter.bind_frame("df", target_frame.clone());
    interpreter.data_values = data_values;
    let outcome = interpreter.run(&parsed.suite).map_err(|f| Diagnostics::one(f.into_diagnostic()))?;
    Ok((CellOutput { frame: outcome.frame, columns_read: outcome.columns_read }, outcome.taken))
}

/// Like [`run_cell`], as a **fitted replay**: `frames[target]` holds new data and `fit` the data
/// the step was originally applied to. The step runs on the new data, but every statistic it
/// learns (aggregations, also per `over` group and in `group_by().agg()`; Python values taken
/// from frames) comes from `fit`; order-dependent transforms treat the new data as its own
/// sequence. Constructs without a fitted form are refused (`FE127`) with a hint.
pub fn run_cell_fitted(source: &str, target: &str, frames: &Frames, fit: LazyFrame, limits: &Limits) -> Result<CellOutput, Diagnostics> {
    on_deep_stack(|| run_cell_fitted_here(source, target, frames, fit, limits))
}

fn run_cell_fitted_here(source: &str, target: &str, frames: &Frames, fit: LazyFrame, limits: &Limits) -> Result<CellOutput, Diagnostics> {
    let parsed = parse::parse_cell(source)?;
    refuse_outside_language(&parsed)?;
    if let Some(offset) = source.find(interpret::RESERVED_PREFIX) {
        let span = parsed.locator.of_bytes(offset, interpret::RESERVED_PREFIX.len());
        return Err(Diagnostics::one(
            Diagnostic::new(Code::NotFittable, span, interpret::RESERVED_PREFIX, format!("names starting with `{}` are reserved for fitted replay", interpret::RESERVED_PREFIX))
                .with_hint("rename it, or replay with --recompute"),
        ));
    }
    let Some(new_frame) = frames.get(target) else {
        return Err(missing_target(target));
    };
    let target_schema = interpret::collect::schema_checked(new_frame).map_err(|f| Diagnostics::one(f.into_diagnostic()))?;
    let fit_schema = interpret::collect::schema_checked(&fit).map_err(|f| Diagnostics::one(f.into_diagnostic()))?;
    if fit_schema != target_schema {
        return Err(Diagnostics::one(Diagnostic::new(
            Code::NotFittable,
            Span { line: 1, column: 1, end_line: 1, end_column: 1 },
            target,
            format!("the fit data of `{target}` has other columns or types than the new data"),
        )));
    }
    let mut interpreter = interpret::Interpreter::new(&parsed.locator, limits, target_schema);
    for (name, lf) in frames {
        if is_identifier(name) && name != target {
            interpreter.bind_frame(name, lf.clone());
        }
    }
    if is_identifier(target) {
        interpreter.bind_fitted_frame(target, new_frame.clone(), fit.clone());
    }
    interpreter.bind_fitted_frame("df", new_frame.clone(), fit);
    let outcome = interpreter.run(&parsed.suite).map_err(|f| Diagnostics::one(f.into_diagnostic()))?;
    Ok(CellOutput { frame: outcome.frame, columns_read: outcome.columns_read })
}

/// Static check only: parse, allowlist check, then interpret on empty frames of these schemas
/// (so types, names and signatures are checked too). No data is needed.
pub fn check_cell(source: &str, target: &str, schemas: &BTreeMap<String, Schema>, limits: &Limits) -> Result<CheckReport, Diagnostics> {
    on_deep_stack(|| check_cell_here(source, target, schemas, limits))
}

fn check_cell_here(source: &str, target: &str, schemas: &BTreeMap<String, Schema>, limits: &Limits) -> Result<CheckReport, Diagnostics> {
    let frames: Frames = schemas.iter().map(|(name, schema)| (name.clone(), DataFrame::empty_with_schema(schema).lazy())).collect();
    let output = run_cell(source, target, &frames, limits)?;
    let schema = interpret::collect::schema_checked(&output.frame).map_err(|f| Diagnostics::one(f.into_diagnostic()))?;
    Ok(CheckReport { output_schema: schema.as_ref().clone(), columns_read: output.columns_read })
}

/// Only the parse and allowlist steps: the diagnostics a cell gets before anything runs.
pub fn refusals(source: &str) -> Vec<Diagnostic> {
    on_deep_stack(|| match parse::parse_cell(source) {
        Ok(parsed) => refuse_outside_language(&parsed).err().map(|d| d.0).unwrap_or_default(),
        Err(d) => vec![d],
    })
}

/// The nesting limit, then the allowlist check.
fn refuse_outside_language(parsed: &parse::ParsedCell<'_>) -> Result<(), Diagnostics> {
    if let Some(too_deep) = nesting::nesting_refusal(&parsed.suite, &parsed.locator, MAX_NESTING) {
        return Err(Diagnostics::one(too_deep));
    }
    let refusals = check::check_suite(&parsed.suite, &parsed.locator);
    if !refusals.is_empty() {
        return Err(Diagnostics(refusals));
    }
    Ok(())
}

/// Collect a plan made by [`run_cell`], turning Polars `Deprecation:` warnings (behaviours
/// Python Polars 2.x removed) and errors into diagnostics. Errors that only show while running
/// carry no source position (line 1, column 1).
pub fn collect(frame: LazyFrame) -> Result<DataFrame, Diagnostics> {
    on_deep_stack(|| interpret::collect_checked(frame)).map_err(|f| {
        let mut d = f.into_diagnostic();
        d.construct = "collect".into();
        Diagnostics::one(d)
    })
}

fn missing_target(target: &str) -> Diagnostics {
    Diagnostics::one(
        Diagnostic::new(Code::NameError, Span { line: 1, column: 1, end_line: 1, end_column: 1 }, target, format!("no frame named `{target}` is loaded"))
            .with_hint("load it first with `%fe load PATH as NAME`"),
    )
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_alphabetic() || c == '_') && chars.all(|c| c.is_alphanumeric() || c == '_')
}
