// The Python values a step took from the data it was applied to (`df["x"].quantile(0.9)`, …), for
// the PySpark export's fitted literals: the step runs again on the checkpoints it ran on, recording.
//
// The data is the one fitted replay fits on: the kept version of the frame the step was applied
// to, and every other frame it read as of the version it read. Nothing is committed.

use std::collections::HashMap;

use crate::protocol::{Failure, FailureClass, Reply};
use crate::store::{FrameStore, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum TakenValuesError {
    #[error(
        "the PySpark export takes the Python values step {version} of `{name}` took from the data (fitted literals) from the data it was applied to \
         (version {applied_to}), but {reason}; keep more versions with `%fe config max_versions=N` before building the pipeline, or compute the value as an expression"
    )]
    DataGone { name: String, version: u32, applied_to: u32, reason: StoreError },
}

/// Runs `code` (the step that made `name` version `version`) on `name` as of `applied_to` and the
/// frames it read (`reads`, by version), and answers the values it took from them.
#[cfg(feature = "lang")]
pub fn answer(store: &FrameStore, name: &str, version: u32, applied_to: u32, code: &str, reads: &[(String, u32)]) -> Result<Reply, Failure> {
    let gone = |reason: StoreError| {
        let error = TakenValuesError::DataGone { name: name.into(), version, applied_to, reason };
        Failure { class: FailureClass::UsageError, message: error.to_string(), rendered: None, diagnostics: Vec::new() }
    };
    let mut frames = HashMap::new();
    for (read, read_version) in reads {
        frames.insert(read.clone(), store.kept_version(read, *read_version).map_err(gone)?);
    }
    frames.insert(name.to_string(), store.kept_version(name, applied_to).map_err(gone)?);
    let catalogue: fe_lang::Frames = frames.into_iter().map(|(n, df)| (n, polars::prelude::IntoLazy::lazy(df))).collect();
    match fe_lang::run_cell_recording(code, name, &catalogue, &fe_lang::Limits::default()) {
        Ok((_, taken)) => Ok(Reply::TakenValues { frames: taken.frames }),
        Err(diagnostics) => Err(Failure {
            class: FailureClass::ExecutionError,
            message: format!(
                "step {version} of `{name}` did not run again on the data it was applied to (to take its fitted values): {}",
                diagnostics.0.first().map(|d| format!("line {}, column {}: {}", d.line, d.column, d.message)).unwrap_or_default()
            ),
            rendered: None,
            diagnostics: Vec::new(),
        }),
    }
}

#[cfg(not(feature = "lang"))]
pub fn answer(_store: &FrameStore, _name: &str, _version: u32, _applied_to: u32, _code: &str, _reads: &[(String, u32)]) -> Result<Reply, Failure> {
    Err(Failure { class: FailureClass::ExecutionError, message: "the feature language is not built into this worker".into(), rendered: None, diagnostics: Vec::new() })
}
