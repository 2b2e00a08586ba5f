// `%fe replay`: runs a frame's recorded steps on new data (staged by the loader), fitted (every
// statistic learned on the data each step was applied to) or recomputed (on the new data alone).
//
// Each step sees what it saw when it ran: `df` and the frame's own name are the new data so far,
// every other frame it read is bound as the version it read (from that frame's checkpoint). In
// fitted mode a step's fit data is the checkpoint of the version it was applied to.

use std::collections::HashMap;

use polars::prelude::*;

use crate::cell_runner;
use crate::dtype_names::python_name;
use crate::lineage::{FrameLineage, LineageColumn, ReplayMode, StepAction};
use crate::protocol::{Failure, FailureClass};
use crate::store::{FrameStore, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum ReplayError {
    #[error("`{name}` has no recorded steps on a file to replay: it was handed over from Rust cell {execution_count}")]
    FromRustCell { name: String, execution_count: u32 },
    #[error("`{name}` was itself made by `%fe replay` of `{of}`; replay `{of}` instead")]
    OfReplay { name: String, of: String },
    #[error("the lineage of `{name}` does not start with a load")]
    NoLoad { name: String },
    #[error("`{file}` does not have the columns `{name}` was loaded with ({differences}); the steps expect the same names and types")]
    Columns { name: String, file: String, differences: String },
    #[error(
        "fitted replay needs the data step {step} of `{name}` was applied to (version {fit_version}), but {reason}; \
         keep more versions with `%fe config max_versions=N` before building the pipeline, or replay with --recompute"
    )]
    FitDataGone { name: String, step: usize, fit_version: u32, reason: StoreError },
    #[error(
        "fitted replay needs the data step {step} of `{name}` was applied to (version {fit_version}), but {reason}; \
         replay with --recompute (every statistic learned from the new data)"
    )]
    FitDataScanned { name: String, step: usize, fit_version: u32, reason: StoreError },
    #[error("step {step} of `{name}` read `{other}` as of version {version}, but {reason}")]
    ReadFrameGone { name: String, step: usize, other: String, version: u32, reason: StoreError },
}

impl ReplayError {
    fn failure(self, unchanged: &str) -> Failure {
        Failure { class: FailureClass::UsageError, message: format!("{self}; {unchanged}"), rendered: None, diagnostics: Vec::new() }
    }
}

/// What a replay produced, before it is committed.
pub struct Replayed {
    pub frame: DataFrame,
    /// The steps (applies) that ran.
    pub steps: usize,
}

/// Runs the steps of `lineage` (the recipe of a frame in `store`) on `data`, read from `source`.
/// `unchanged` says what a failure leaves unchanged.
pub fn replay(store: &FrameStore, lineage: &FrameLineage, data: DataFrame, source: &str, mode: ReplayMode, unchanged: &str) -> Result<Replayed, Failure> {
    let name = lineage.name.as_str();
    let Some(start) = lineage.steps.first() else {
        return Err(ReplayError::NoLoad { name: name.into() }.failure(unchanged));
    };
    match &start.action {
        StepAction::Load { .. } => {}
        StepAction::RustCell { execution_count } => {
            return Err(ReplayError::FromRustCell { name: name.into(), execution_count: *execution_count }.failure(unchanged))
        }
        StepAction::Replay { of, .. } => return Err(ReplayError::OfReplay { name: name.into(), of: of.clone() }.failure(unchanged)),
        StepAction::Apply { .. } => return Err(ReplayError::NoLoad { name: name.into() }.failure(unchanged)),
    }
    let mut current = matching_columns(data, &start.columns, name, source).map_err(|e| e.failure(unchanged))?;
    let mut applied_to = start.version;
    let mut steps = 0;
    for step in &lineage.steps[1..] {
        let StepAction::Apply { code, reads, .. } = &step.action else {
            return Err(ReplayError::NoLoad { name: name.into() }.failure(unchanged));
        };
        steps += 1;
        let mut frames = HashMap::new();
        for read in reads {
            let frame = store.kept_version(&read.name, read.version).map_err(|reason| ReplayError::ReadFrameGone {
                name: name.into(),
                step: steps,
                other: read.name.clone(),
                version: read.version,
                reason,
            })
            .map_err(|e| e.failure(unchanged))?;
            frames.insert(read.name.clone(), frame);
        }
        frames.insert(name.to_string(), current);
        let result = match mode {
            ReplayMode::Fitted => {
                let fit = store
                    .kept_version(name, applied_to)
                    .map_err(|reason| {
                        let (name, step, fit_version) = (name.to_string(), steps, applied_to);
                        match reason {
                            StoreError::Scanned { .. } => ReplayError::FitDataScanned { name, step, fit_version, reason },
                            _ => ReplayError::FitDataGone { name, step, fit_version, reason },
                        }
                        .failure(unchanged)
                    })?;
                cell_runner::run_fitted(code, name, &frames, fit, unchanged)
            }
            ReplayMode::Recomputed => cell_runner::run(code, 1, name, &frames, unchanged),
        };
        current = result
            .map_err(|mut failure| {
                failure.message = format!("step {steps} of `{name}` (the one that made version {}), on the new data: {}", step.version, failure.message);
                failure
            })?
            .frame;
        applied_to = step.version;
    }
    Ok(Replayed { frame: current, steps })
}

/// The new data with the loaded columns' names and types, in their order; otherwise what differs.
fn matching_columns(data: DataFrame, loaded: &[LineageColumn], name: &str, source: &str) -> Result<DataFrame, ReplayError> {
    let mut differences = Vec::new();
    for column in loaded {
        match data.column(&column.name) {
            Err(_) => differences.push(format!("`{}` is missing", column.name)),
            Ok(found) if python_name(found.dtype()) != column.dtype => {
                differences.push(format!("`{}` is {}, not {}", column.name, python_name(found.dtype()), column.dtype))
            }
            Ok(_) => {}
        }
    }
    for extra in data.get_column_names() {
        if !loaded.iter().any(|c| c.name == extra.as_str()) {
            differences.push(format!("`{extra}` is extra"));
        }
    }
    if !differences.is_empty() {
        return Err(ReplayError::Columns { name: name.into(), file: source.into(), differences: differences.join(", ") });
    }
    let order: Vec<&str> = loaded.iter().map(|c| c.name.as_str()).collect();
    data.select(order).map_err(|e| ReplayError::Columns { name: name.into(), file: source.into(), differences: e.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loaded() -> Vec<LineageColumn> {
        ["k:String", "x:Float64", "y:Int64"]
            .iter()
            .map(|c| {
                let (name, dtype) = c.split_once(':').unwrap();
                LineageColumn { name: name.into(), dtype: dtype.into() }
            })
            .collect()
    }

    #[test]
    fn columns_in_another_order_are_put_back_in_the_loaded_order() {
        let data = df!("y" => [1i64], "x" => [2.0f64], "k" => ["a"]).unwrap();
        let out = matching_columns(data, &loaded(), "tx", "/d/test.csv").unwrap();
        let names: Vec<&str> = out.get_column_names().iter().map(|n| n.as_str()).collect();
        assert_eq!(names, ["k", "x", "y"]);
    }

    #[test]
    fn every_difference_is_listed() {
        let data = df!("k" => ["a"], "x" => [2i64], "z" => [true]).unwrap();
        let error = matching_columns(data, &loaded(), "tx", "/d/test.csv").unwrap_err().to_string();
        assert!(error.contains("`/d/test.csv` does not have the columns `tx` was loaded with"), "{error}");
        assert!(error.contains("`x` is Int64, not Float64") && error.contains("`y` is missing") && error.contains("`z` is extra"), "{error}");
    }
}
