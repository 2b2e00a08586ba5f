// The kernel-side calls of `%fe export`, `%fe evaluate` and `%fe replay`: a frame's lineage, an
// evaluation computed by the worker (where the data is), and a replay of a frame's steps on a file.

use std::path::Path;

use super::{unexpected, WorkerControl, WorkerError};
use crate::evaluation::candidate_folds::{CandidateScores, CandidateSpec};
use crate::evaluation::EvaluationReport;
use crate::frame_names::{check_frame_name, name_from_file_stem};
use crate::lineage::{FrameLineage, ReplayMode};
use crate::protocol::{Reply, ReplaySummary, Request};

impl WorkerControl {
    /// The steps that built the current version of `name`, since its last load.
    pub fn lineage(&self, name: &str) -> Result<FrameLineage, WorkerError> {
        match self.request(Request::Lineage { name: name.into() })? {
            Reply::Lineage(lineage) => Ok(lineage),
            other => Err(unexpected(other)),
        }
    }

    /// The Python values the step that made `name` version `version` took from the data it was
    /// applied to (version `applied_to`; other frames as of `reads`): fitted literals, as Arrow
    /// IPC hex (fe_lang's `TakenValues`).
    pub fn taken_values(&self, name: &str, version: u32, applied_to: u32, code: &str, reads: &[(String, u32)]) -> Result<Vec<Option<String>>, WorkerError> {
        let request = Request::TakenValues { name: name.into(), version, applied_to, code: code.into(), reads: reads.to_vec() };
        match self.request(request)? {
            Reply::TakenValues { frames } => Ok(frames),
            other => Err(unexpected(other)),
        }
    }

    /// Statistics of `features` (default: the columns added since the load) against `target`.
    pub fn evaluate(&self, name: &str, target: &str, features: Option<Vec<String>>) -> Result<EvaluationReport, WorkerError> {
        let request = Request::Evaluate { name: name.into(), target: target.into(), features };
        match self.request(request)? {
            Reply::Evaluation(report) => Ok(report),
            other => Err(unexpected(other)),
        }
    }
}

impl WorkerControl {
    /// The columns `code` adds to the first `sample_rows` rows of `name`, evaluated against
    /// `target` on that sample (for the review of `%%fe suggest --target`); nothing is committed.
    pub fn evaluate_preview(&self, name: &str, code: &str, sample_rows: usize, target: &str) -> Result<EvaluationReport, WorkerError> {
        let request = Request::EvaluatePreview { name: name.into(), code: code.into(), sample_rows, target: target.into() };
        match self.request(request)? {
            Reply::Evaluation(report) => Ok(report),
            other => Err(unexpected(other)),
        }
    }

    /// One `%%fe search` round, cross-validated by the worker; nothing is committed.
    pub fn cross_validate(&self, name: &str, spec: CandidateSpec) -> Result<CandidateScores, WorkerError> {
        match self.request(Request::CrossValidate { name: name.into(), spec })? {
            Reply::CrossValidated(scores) => Ok(scores),
            other => Err(unexpected(other)),
        }
    }

    /// Keeps a finished search in the history of `name`; nothing else changes.
    pub fn record_search(&self, name: &str, search: crate::search_log::SearchRecord) -> Result<usize, WorkerError> {
        match self.request(Request::RecordSearch { name: name.into(), search })? {
            Reply::SearchRecorded { searches } => Ok(searches),
            other => Err(unexpected(other)),
        }
    }

    /// `%fe replay NAME PATH [as NEW]`: the worker reads PATH (as `%fe load` would) and runs
    /// NAME's recorded steps on it and commits the result as NEW (default: the file
    /// stem).
    pub fn replay(&self, name: &str, path: &Path, new_name: Option<&str>, mode: ReplayMode) -> Result<ReplaySummary, WorkerError> {
        check_frame_name(name).map_err(|e| WorkerError::usage(e.to_string()))?;
        let new_name = match new_name {
            Some(new_name) => new_name.to_string(),
            None => path.file_stem().and_then(|s| s.to_str()).and_then(name_from_file_stem).ok_or_else(|| {
                WorkerError::usage(format!("cannot derive a frame name from `{}`; give one with `as NEW`", super::shown(path)))
            })?,
        };
        check_frame_name(&new_name).map_err(|e| WorkerError::usage(e.to_string()))?;
        let reply = self.request_with_source(path, |source| Request::Replay {
            name: name.to_string(),
            source: source.display().to_string(),
            new_name: new_name.clone(),
            mode,
        })?;
        match reply {
            Reply::Replayed(summary) => Ok(summary),
            other => Err(unexpected(other)),
        }
    }
}
