// Runs feature code through the feature language (fe-lang) and collects the plan with Polars'
// in-memory engine; turns diagnostics into the failures the kernel shows.

use std::collections::HashMap;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};

use polars::prelude::*;

use crate::protocol::{Failure, FailureClass};

/// Every frame feature code can read, as a plan (what `fe_lang::Frames` is).
pub type Plans = std::collections::BTreeMap<String, LazyFrame>;

/// A cell's result before it is committed.
pub struct CellResult {
    pub frame: DataFrame,
    pub columns_read: Vec<String>,
}

/// Runs `code` with `df` bound to `target` and every frame visible by name. `first_line` is the
/// code's first line in the notebook cell, so diagnostics name the line the user sees.
#[cfg(feature = "lang")]
pub fn run(
    code: &str,
    first_line: u32,
    target: &str,
    frames: &HashMap<String, DataFrame>,
    unchanged: &str,
) -> Result<CellResult, Failure> {
    run_with(code, first_line, target, frames, unchanged, EngineOptions::default())
}

/// `run` with other engine options (for the benchmarks).
#[cfg(feature = "lang")]
pub fn run_with(
    code: &str,
    first_line: u32,
    target: &str,
    frames: &HashMap<String, DataFrame>,
    unchanged: &str,
    options: EngineOptions,
) -> Result<CellResult, Failure> {
    run_plans(code, first_line, target, &catalogue(frames), unchanged, options)
}

/// `run` with every frame given as a plan (frames kept as scans among them).
#[cfg(feature = "lang")]
pub fn run_plans(
    code: &str,
    first_line: u32,
    target: &str,
    plans: &Plans,
    unchanged: &str,
    options: EngineOptions,
) -> Result<CellResult, Failure> {
    // Deep code (a 2,000-term sum) recurses in the interpreter and in Polars' planning: both run,
    // and the plan is dropped, on a thread with a large stack.
    fe_lang::on_deep_stack(|| {
        let output = fe_lang::run_cell(code, target, plans, &fe_lang::Limits::default());
        finish(code, first_line, output, unchanged, options)
    })
}

/// A cell's plan, checked but not run (a frame kept as a scan: its next version is this plan).
pub struct PlannedCell {
    pub plan: LazyFrame,
    pub schema: SchemaRef,
    pub columns_read: Vec<String>,
}

/// Plans `code` against `plans` without running it; the plan's schema is resolved, so a
/// missing column or a wrong type is reported now, not when the frame is first read.
#[cfg(feature = "lang")]
pub fn plan(code: &str, first_line: u32, target: &str, plans: &Plans, unchanged: &str) -> Result<PlannedCell, Failure> {
    fe_lang::on_deep_stack(|| {
        let output = fe_lang::run_cell(code, target, plans, &fe_lang::Limits::default())
            .map_err(|diagnostics| failure_from_diagnostics(code, first_line, &diagnostics, unchanged))?;
        let columns_read = output.columns_read.iter().map(|c| c.to_string()).collect();
        let mut plan = output.frame;
        let schema = plan.collect_schema().map_err(|e| polars_failure(&e, unchanged))?;
        Ok(PlannedCell { plan, schema, columns_read })
    })
}

#[cfg(not(feature = "lang"))]
pub fn plan(_code: &str, _first_line: u32, _target: &str, _plans: &Plans, unchanged: &str) -> Result<PlannedCell, Failure> {
    run("", 1, "", &HashMap::new(), unchanged).map(|_| unreachable!("the feature language is not built in"))
}

#[cfg(not(feature = "lang"))]
pub fn run_plans(
    _code: &str,
    _first_line: u32,
    _target: &str,
    _plans: &Plans,
    unchanged: &str,
    _options: EngineOptions,
) -> Result<CellResult, Failure> {
    run("", 1, "", &HashMap::new(), unchanged)
}

/// Runs `code` as a fitted replay (see `fe_lang::run_cell_fitted`): `frames[target]` is the new
/// data, `fit` the data the step was originally applied to.
#[cfg(feature = "lang")]
pub fn run_fitted(code: &str, target: &str, frames: &HashMap<String, DataFrame>, fit: DataFrame, unchanged: &str) -> Result<CellResult, Failure> {
    fe_lang::on_deep_stack(|| {
        let output = fe_lang::run_cell_fitted(code, target, &catalogue(frames), fit.lazy(), &fe_lang::Limits::default());
        finish(code, 1, output, unchanged, EngineOptions::default())
    })
}

#[cfg(feature = "lang")]
fn catalogue(frames: &HashMap<String, DataFrame>) -> fe_lang::Frames {
    frames.iter().map(|(name, df)| (name.clone(), df.clone().lazy())).collect()
}

#[cfg(feature = "lang")]
fn finish(
    code: &str,
    first_line: u32,
    output: Result<fe_lang::CellOutput, fe_lang::Diagnostics>,
    unchanged: &str,
    options: EngineOptions,
) -> Result<CellResult, Failure> {
    let output = output.map_err(|diagnostics| failure_from_diagnostics(code, first_line, &diagnostics, unchanged))?;
    let columns_read = output.columns_read.iter().map(|c| c.to_string()).collect();
    let frame = collect_with(output.frame, options).map_err(|e| polars_failure(&e, unchanged))?;
    Ok(CellResult { frame, columns_read })
}

#[cfg(not(feature = "lang"))]
pub fn run_fitted(_code: &str, _target: &str, _frames: &HashMap<String, DataFrame>, _fit: DataFrame, unchanged: &str) -> Result<CellResult, Failure> {
    run("", 1, "", &HashMap::new(), unchanged)
}

#[cfg(not(feature = "lang"))]
pub fn run(_code: &str, _first_line: u32, _target: &str, _frames: &HashMap<String, DataFrame>, unchanged: &str) -> Result<CellResult, Failure> {
    Err(Failure {
        class: FailureClass::ExecutionError,
        message: format!("the feature language is not built into this worker; {unchanged}"),
        rendered: None,
        diagnostics: Vec::new(),
    })
}

#[cfg(feature = "lang")]
fn failure_from_diagnostics(code: &str, first_line: u32, diagnostics: &fe_lang::Diagnostics, unchanged: &str) -> Failure {
    use crate::protocol::CellDiagnostic;
    let class = match diagnostics.kind() {
        fe_lang::DiagnosticKind::Rejected => FailureClass::RejectedCode,
        fe_lang::DiagnosticKind::Execution => FailureClass::ExecutionError,
        fe_lang::DiagnosticKind::ResourceLimit => FailureClass::ResourceLimit,
    };
    let shift = first_line.saturating_sub(1);
    let first = diagnostics
        .0
        .first()
        .map(|d| format!("line {}, column {}: {}", d.line + shift, d.column, d.message))
        .unwrap_or_else(|| "the cell failed".into());
    Failure {
        class,
        message: format!("{first}; {unchanged}"),
        rendered: Some(diagnostics.render_from_line(code, first_line)),
        diagnostics: diagnostics
            .0
            .iter()
            .map(|d| CellDiagnostic {
                code: d.code.as_str().to_string(),
                message: d.message.clone(),
                line: d.line + shift,
                column: d.column,
                hint: d.hint.clone(),
            })
            .collect(),
    }
}

/// A Polars error while running a plan.
pub fn polars_failure(error: &PolarsError, unchanged: &str) -> Failure {
    Failure {
        class: FailureClass::ExecutionError,
        message: format!("Polars: {error}; {unchanged}"),
        rendered: None,
        diagnostics: Vec::new(),
    }
}

/// How plans are collected. The product uses the default; the benchmarks compare the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EngineOptions {
    /// The streaming engine first (it stops within milliseconds on interrupt), the in-memory
    /// engine for plans it cannot run. `false` (the default): the in-memory engine, which in
    /// Rust Polars 0.55 runs joins and `over` windows with a half to a fifth of the streaming
    /// engine's CPU time (bench/README.md); an interrupt may then need the kill after the
    /// grace period, which the checkpoints make safe.
    pub streaming: bool,
    /// Common sub-expression and sub-plan elimination (Python Polars' default): repeated
    /// `over(...)` windows share their groups.
    pub common_subexpressions: bool,
}

impl Default for EngineOptions {
    fn default() -> Self {
        EngineOptions { streaming: false, common_subexpressions: true }
    }
}

/// Collects a plan over a scanned source with the streaming engine (rows are read in batches;
/// a node the engine cannot stream runs in memory on what reaches it).
pub fn collect_streaming(plan: LazyFrame) -> PolarsResult<DataFrame> {
    for_streaming(plan).collect_with_engine(Engine::Streaming).map(|r| r.unwrap_single())
}

/// A plan over a scanned source as the streaming engine runs it: windows become group-bys
/// joined back (`fe_lang::streaming_windows`), and no sub-plan is shared (a shared input would be
/// cached whole in memory; the scan is read twice instead).
pub fn for_streaming(plan: LazyFrame) -> LazyFrame {
    #[cfg(feature = "lang")]
    let plan = fe_lang::streaming_windows(plan);
    plan.with_comm_subexpr_elim(true).with_comm_subplan_elim(false)
}

/// Collects with the default engine options.
pub fn collect(plan: LazyFrame) -> PolarsResult<DataFrame> {
    collect_with(plan, EngineOptions::default())
}

/// Collects `plan` as `options` say.
pub fn collect_with(plan: LazyFrame, options: EngineOptions) -> PolarsResult<DataFrame> {
    let plan = plan.with_comm_subexpr_elim(options.common_subexpressions).with_comm_subplan_elim(options.common_subexpressions);
    if !options.streaming {
        return plan.collect();
    }
    match catch_unwind(AssertUnwindSafe(|| plan.clone().collect_with_engine(Engine::Streaming))) {
        Ok(result) => result.map(|r| r.unwrap_single()),
        Err(panic) if is_polars_abort(&*panic) => resume_unwind(panic),
        Err(_) => plan.collect(),
    }
}

/// True for the panic Polars raises at its check points after SIGINT.
pub fn is_polars_abort(payload: &(dyn std::any::Any + Send)) -> bool {
    let text = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    text.contains("__POLARS_ABORT_")
}
