// The PySpark target: a checked step is interpreted on schema-only frames into the same Polars
// plan the worker runs, and that plan is translated node by node into PySpark code.
//!
//! Why the plan and not the Python text: the interpreter has already done the Python part
//! (loops, helpers, comprehensions, f-strings, selectors, `pl.all()`, name suffixes), Polars
//! has resolved every column and dtype and inserted the casts its type rules need, so each
//! plan node and expression has one meaning to keep. Every node, expression and function the
//! translator does not know is refused — there is no fall-through that could emit a
//! different computation. Refusals are located in the step's source by the Python name of the
//! construct (its first `.name` in the cell), and carry a hint.
//!
//! Python values the step takes from the data (`df["x"].mean()`, `df.height`, `.item()`,
//! `to_list()`) are fitted: the step is interpreted with the values it took when it was applied
//! (recorded where the data is), which become literals of the script, as in `%fe replay`'s
//! default fitted mode. Without a record such a step is refused, naming the line.

mod expressions;
mod functions;
mod literals;
mod locate;
mod plan;
mod python_limits;
mod script;

use std::sync::Arc;

use polars::prelude::*;
use polars_plan::dsl::DslPlan;

use crate::{run_cell, run_cell_on_schema, Frames, Limits, TakenValues};

pub use literals::spark_type_name;
pub use script::{pyspark_script, pyspark_script_fitted, BlockStart, ScriptBlock, ScriptPlan, ScriptRefusal, ScriptSource, ScriptStep, SourceFormat};

/// The helper functions every exported PySpark script defines before its steps (Python source).
pub const RUNTIME_PY: &str = include_str!("runtime.py");

/// A frame a step may read: its name in the code, its columns, and the Python variable that
/// holds it (a Spark DataFrame with the hidden order column) in the script.
#[derive(Clone, Debug)]
pub struct SparkInput {
    pub name: String,
    pub schema: Schema,
    pub variable: String,
}

/// One translated step: Python statements (no indentation) and the variable holding the result.
#[derive(Clone, Debug)]
pub struct SparkStep {
    pub lines: Vec<String>,
    pub result: String,
    pub schema: Schema,
}

/// Why a step has no faithful PySpark translation.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}, column {column}: `{construct}` {message} (hint: {hint})")]
pub struct SparkRefusal {
    /// 1-based position of the construct in the step's code (1, 1 when it has no single place).
    pub line: u32,
    pub column: u32,
    pub construct: String,
    pub message: String,
    pub hint: String,
}

/// What a refusal says of a step that takes Python values from the data and was given no record.
const READS_DATA: &str = "takes a Python value from the data (a scalar, `height`, `.item()`, `to_list()`, …), and no value was recorded for it";

impl SparkRefusal {
    /// The step takes Python values from the data: with the values it took when it was applied
    /// (see [`crate::run_cell_recording`]) it can be translated.
    pub fn reads_data(&self) -> bool {
        self.message == READS_DATA
    }
}

/// Translate the step `code` (run with `df` bound to `target`) into PySpark statements.
/// `prefix` makes the step's variable names unique in the script.
/// `taken`: the Python values the step took from the data when it was applied (recorded by
/// [`crate::run_cell_recording`]); they become literals of the script (fitted values).
pub fn translate_step(code: &str, target: &str, inputs: &[SparkInput], prefix: &str, taken: Option<&TakenValues>) -> Result<SparkStep, SparkRefusal> {
    crate::on_deep_stack(|| translate_step_here(code, target, inputs, prefix, taken))
}

fn translate_step_here(code: &str, target: &str, inputs: &[SparkInput], prefix: &str, taken: Option<&TakenValues>) -> Result<SparkStep, SparkRefusal> {
    let mut frames = Frames::new();
    let mut sources = Vec::new();
    for input in inputs {
        let (lf, identity) = placeholder(&input.schema);
        frames.insert(input.name.clone(), lf);
        sources.push((identity, input.variable.clone()));
    }
    let output = match taken {
        Some(taken) => run_cell_on_schema(code, target, &frames, &Limits::default(), taken),
        None => run_cell(code, target, &frames, &Limits::default()),
    }
    .map_err(|d| refusal_from_language(code, d))?;
    let plan = output.frame.to_alp().map_err(|e| SparkRefusal {
        line: 1,
        column: 1,
        construct: "plan".into(),
        message: format!("could not be resolved by Polars: {e}"),
        hint: "run the step in the kernel first; it must succeed there".into(),
    })?;
    let mut translator = plan::PlanTranslator::new(&plan.lp_arena, &plan.expr_arena, sources, prefix);
    let result = translator.frame(plan.lp_top).map_err(|r| locate::refusal(code, r))?;
    let schema = plan.lp_arena.get(plan.lp_top).schema(&plan.lp_arena).as_ref().as_ref().clone();
    let lines = translator.into_lines();
    python_limits::check_lines(&lines).map_err(|r| locate::refusal(code, r))?;
    Ok(SparkStep { lines, result, schema })
}

/// What the translator says when it meets a construct it cannot keep.
#[derive(Clone, Debug)]
pub(crate) struct Refuse {
    /// The Python name the user wrote (`ewm_mean`, `join`, …), used to find the line.
    pub construct: String,
    pub message: String,
    pub hint: String,
}

impl Refuse {
    pub fn new(construct: impl Into<String>, message: impl Into<String>, hint: impl Into<String>) -> Refuse {
        Refuse { construct: construct.into(), message: message.into(), hint: hint.into() }
    }
}

pub(crate) type Translated<T> = Result<T, Refuse>;

/// Marks a plan read while interpreting: the step takes a Python value from the data.
const DATA_READ_MARKER: &str = "fekernel-spark: this step reads values from the data while it is interpreted";

/// An empty frame of `schema` that fails when collected (so a step that reads data is caught),
/// and the identity of its scan node, to recognise it in the plan.
fn placeholder(schema: &Schema) -> (LazyFrame, usize) {
    let lf = DataFrame::empty_with_schema(schema).lazy();
    let identity = match &lf.logical_plan {
        DslPlan::DataFrameScan { df, .. } => Arc::as_ptr(df) as usize,
        _ => 0,
    };
    let guarded = lf.map(
        |_| Err(polars_err!(ComputeError: "{}", DATA_READ_MARKER)),
        AllowedOptimizations::default(),
        None,
        Some("fekernel spark input"),
    );
    (guarded, identity)
}

fn refusal_from_language(code: &str, diagnostics: crate::Diagnostics) -> SparkRefusal {
    let first = diagnostics.0.into_iter().next();
    match first {
        Some(d) if d.message.contains(DATA_READ_MARKER) => SparkRefusal {
            line: d.line,
            column: d.column,
            construct: locate::statement_text(code, d.line),
            message: READS_DATA.into(),
            hint: "export it from the kernel, which takes the values from the data the step was applied to, or compute it as an expression, e.g. `pl.col(\"x\").mean()` inside `with_columns`, which Spark computes on its own data".into(),
        },
        Some(d) if d.message.contains(crate::interpret::TAKEN_TOO_LARGE) => SparkRefusal {
            line: d.line,
            column: d.column,
            construct: locate::statement_text(code, d.line),
            message: format!("takes more values from the data than a script can hold as literals ({})", d.message),
            hint: d.hint.unwrap_or_else(|| "compute it as an expression instead".into()),
        },
        Some(d) => SparkRefusal {
            line: d.line,
            column: d.column,
            construct: d.construct.clone(),
            message: format!("does not run on schema-only frames: {}", d.message),
            hint: d.hint.unwrap_or_else(|| "the step must be accepted by the feature language".into()),
        },
        None => SparkRefusal { line: 1, column: 1, construct: "step".into(), message: "failed".into(), hint: String::new() },
    }
}

/// Parses a Python Polars dtype name as the lineage spells it (`Int64`, `Datetime(time_unit='us', time_zone=None)`).
pub fn dtype_from_python_name(name: &str) -> Option<DataType> {
    literals::dtype_from_python_name(name)
}

/// The schema of a lineage step's columns.
pub fn schema_from_columns<'a>(columns: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Schema, String> {
    let mut schema = Schema::default();
    for (name, dtype) in columns {
        let parsed = dtype_from_python_name(dtype).ok_or_else(|| format!("column `{name}` has dtype {dtype}, which the PySpark export does not read"))?;
        schema.with_column(name.into(), parsed);
    }
    Ok(schema)
}

/// The Spark schema (a `T.StructType` expression) a source with these columns is read with.
pub fn spark_read_schema(schema: &Schema) -> Result<String, String> {
    let mut fields = Vec::new();
    for (name, dtype) in schema.iter() {
        let ctor = literals::spark_type_ctor(dtype).ok_or_else(|| format!("column `{name}` has dtype {dtype}, which Spark cannot read faithfully"))?;
        fields.push(format!("T.StructField({}, {ctor}, True)", literals::py_str(name)));
    }
    Ok(format!("T.StructType([{}])", fields.join(", ")))
}
