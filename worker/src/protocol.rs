// The kernel ↔ worker pipe: request and response types, and their framing (u32 big-endian
// length + JSON). Only small results cross it; frames stay in the session folder.

use std::io::{self, Read, Write};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::sandbox::SandboxReport;

/// Largest frame accepted in either direction (HTML previews are the biggest messages).
pub const MAX_FRAME_BYTES: u32 = 64 * 1024 * 1024;

/// What the kernel asks the worker to do.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Request {
    /// Read the file the kernel hands over just before this request (on the descriptor channel)
    /// and commit it as the next version of `name`; `source` is its canonical path.
    Load { name: String, source: String },
    /// Keep `files` (handed over in this order just before the request) as one scan, committed
    /// as the next version of `name`: a frame larger than memory; `source` is what the user named.
    LoadScan { name: String, source: String, format: crate::scan_source::ScanFormat, files: Vec<crate::scan_source::ScanFile> },
    /// Adopt an Arrow IPC file staged in `frames/` (by a Rust cell) as the next version of `name`.
    Adopt { name: String, staged_file: String, origin: crate::manifest::Origin },
    /// The first request to a new worker: what its restore still needs (sources to read again).
    Restore,
    /// The source of `name` at `version` that the restore needs: handed over just before this
    /// request, or `unavailable` with the reason (then nothing is handed over).
    /// A scanned frame's version needs all its files: `files` of them are handed over.
    ProvideSource {
        name: String,
        version: u32,
        unavailable: Option<String>,
        #[serde(default = "one_file")]
        files: usize,
    },
    /// Every frame with its current version.
    Frames,
    /// The first `rows` rows of a frame, as HTML and plain text.
    Show { name: String, rows: usize },
    /// Per-column statistics of a frame.
    Schema { name: String },
    /// Run feature code against `name` and commit the result as its next version.
    /// `first_line` is the code's first line within the notebook cell (diagnostics count from it).
    Apply {
        name: String,
        code: String,
        llm: Option<LlmProvenance>,
        #[serde(default = "first_line_of_cell")]
        first_line: u32,
    },
    /// Run feature code on the first `sample_rows` rows of `name`; nothing is committed.
    PreviewApply {
        name: String,
        code: String,
        sample_rows: usize,
        #[serde(default = "first_line_of_cell")]
        first_line: u32,
    },
    /// The first `rows` rows of `name` as CSV text (for LLM prompts the user opted into with
    /// `samples=N`; at most MAX_SAMPLE_ROWS).
    Sample { name: String, rows: usize },
    /// Drop the current version of `name`; the previous one becomes current.
    Undo { name: String },
    /// The kept versions of `name`, with code and provenance.
    History { name: String },
    /// Write `name` into the session folder's `exports/` in `format`; the kernel moves it to the
    /// user's path (the worker cannot write outside its session folder).
    Save { name: String, format: SaveFormat },
    /// Worker pid, sandbox layers, frames and memory.
    Status,
    /// Change run-time settings that need no restart.
    Configure {
        max_versions: usize,
        #[serde(default)]
        sync_checkpoints: bool,
    },
    /// The steps that built the current version of `name` (for `%fe export`).
    Lineage { name: String },
    /// The checkpoint file of the current version of `name`, once written (for readers of the
    /// file: the Rust cells).
    CheckpointFile { name: String },
    /// `%%fe suggest --target`: run `code` on the first `sample_rows` rows of `name` (as
    /// `PreviewApply` does) and evaluate the columns it adds against `target`, on that sample.
    EvaluatePreview { name: String, code: String, sample_rows: usize, target: String },
    /// Per-feature statistics against `target` and a cross-validated model comparison. Without
    /// `features`, the columns added since `name` was loaded.
    Evaluate { name: String, target: String, features: Option<Vec<String>> },
    /// One `%%fe search` round: the kept steps and the candidate fitted on each training fold
    /// and applied to its test fold, scored with and without the candidate. Nothing is committed.
    CrossValidate { name: String, spec: crate::evaluation::candidate_folds::CandidateSpec },
    /// Keep a finished search in the history of `name` (nothing else changes).
    RecordSearch { name: String, search: crate::search_log::SearchRecord },
    /// Run the recorded steps of `name` on the file the kernel hands over just before this
    /// request (`source`, its path), fitted or recomputed, and commit the result as the next
    /// version of `new_name`.
    Replay { name: String, source: String, new_name: String, mode: crate::lineage::ReplayMode },
    /// The Python values `code` (the step that made `name` version `version`) took from the data
    /// when it was applied to `applied_to` (reading `reads` as of their versions): the PySpark
    /// export's fitted literals. Nothing is committed.
    TakenValues { name: String, version: u32, applied_to: u32, code: String, reads: Vec<(String, u32)> },
    /// Test-only: try a forbidden (or allowed) thing from inside the sandbox.
    #[cfg(feature = "test-probes")]
    Probe { probe: crate::probes::Probe },
}

fn first_line_of_cell() -> u32 {
    1
}

fn one_file() -> usize {
    1
}

impl Request {
    /// The frame a request reads or changes, if any (used to say what is unchanged on failure).
    pub fn frame_name(&self) -> Option<&str> {
        match self {
            Request::Adopt { name, .. }
            | Request::Load { name, .. }
            | Request::LoadScan { name, .. }
            | Request::Show { name, .. }
            | Request::Schema { name }
            | Request::Apply { name, .. }
            | Request::PreviewApply { name, .. }
            | Request::Sample { name, .. }
            | Request::Undo { name }
            | Request::History { name }
            | Request::Save { name, .. }
            | Request::Lineage { name }
            | Request::TakenValues { name, .. }
            | Request::CheckpointFile { name }
            | Request::Evaluate { name, .. }
            | Request::CrossValidate { name, .. }
            | Request::RecordSearch { name, .. }
            | Request::EvaluatePreview { name, .. } => Some(name),
            // The frame a replay creates or changes (the one it reads is checked on its own).
            Request::Replay { new_name, .. } => Some(new_name),
            Request::Frames | Request::Status | Request::Configure { .. } | Request::Restore | Request::ProvideSource { .. } => None,
            #[cfg(feature = "test-probes")]
            Request::Probe { probe } => probe.frame_name(),
        }
    }
}

impl Request {
    /// How many open files the kernel hands over (on the descriptor channel) with this request.
    pub fn files_carried(&self) -> usize {
        match self {
            Request::Load { .. } | Request::Replay { .. } => 1,
            Request::LoadScan { files, .. } => files.len(),
            Request::ProvideSource { unavailable: None, files, .. } => *files,
            _ => 0,
        }
    }
}

/// Most rows a `Sample` request returns.
pub const MAX_SAMPLE_ROWS: usize = 100;

/// Who wrote the code of an apply, when an LLM did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LlmProvenance {
    pub provider: String,
    pub model: String,
    pub prompt_hash: String,
    /// When the suggestion was made (0 in manifests written before this field existed).
    #[serde(default)]
    pub suggested_unix_ms: u64,
    /// The user changed the suggested code before applying it.
    #[serde(default)]
    pub edited: bool,
}

/// File formats of `%fe save`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SaveFormat {
    Parquet,
    Csv,
    Arrow,
}

impl SaveFormat {
    /// The format named by a path's extension (`.parquet`, `.csv`, `.arrow`/`.ipc`/`.feather`).
    pub fn from_path(path: &std::path::Path) -> Option<SaveFormat> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "parquet" | "pq" => Some(SaveFormat::Parquet),
            "csv" => Some(SaveFormat::Csv),
            "arrow" | "ipc" | "feather" => Some(SaveFormat::Arrow),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            SaveFormat::Parquet => "parquet",
            SaveFormat::Csv => "csv",
            SaveFormat::Arrow => "arrow",
        }
    }
}

/// The worker's answer to one request. `notices` are sentences for the user about something
/// other than the request itself (a checkpoint that could not be written).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Response {
    Ok {
        reply: Reply,
        #[serde(default)]
        notices: Vec<String>,
    },
    Failed {
        failure: Failure,
        #[serde(default)]
        notices: Vec<String>,
    },
}

impl Response {
    pub fn ok(reply: Reply) -> Response {
        Response::Ok { reply, notices: Vec::new() }
    }

    pub fn failed(failure: Failure) -> Response {
        Response::Failed { failure, notices: Vec::new() }
    }

    pub fn notices(&self) -> &[String] {
        match self {
            Response::Ok { notices, .. } | Response::Failed { notices, .. } => notices,
        }
    }

    pub fn with_notices(mut self, more: Vec<String>) -> Response {
        match &mut self {
            Response::Ok { notices, .. } | Response::Failed { notices, .. } => notices.extend(more),
        }
        self
    }
}

/// A failure the worker survived (it is still running, with every frame as before).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Failure {
    pub class: FailureClass,
    /// What happened and what is unchanged.
    pub message: String,
    /// The feature-language diagnostics rendered under the source, when there are any.
    pub rendered: Option<String>,
    pub diagnostics: Vec<CellDiagnostic>,
}

/// The error classes a worker can answer with (the kernel adds `Timeout` and `WorkerCrashed`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FailureClass {
    UsageError,
    RejectedCode,
    ExecutionError,
    ResourceLimit,
    Interrupted,
}

/// One feature-language diagnostic, as the kernel shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CellDiagnostic {
    pub code: String,
    pub message: String,
    pub line: u32,
    pub column: u32,
    pub hint: Option<String>,
}

/// Successful results. Every one is small: previews are bounded, frames stay on disk.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reply {
    Adopted { frame: FrameInfo },
    /// Sources the restore still needs (empty: every frame is restored).
    Restoring { awaiting: Vec<crate::store::SourceNeed> },
    Frames { frames: Vec<FrameInfo> },
    Table(TablePreview),
    Schema(SchemaSummary),
    Applied(ApplySummary),
    Previewed(ApplySummary),
    Sample(SampleRows),
    Undone { frame: FrameInfo, dropped_version: u32 },
    History(FrameHistoryView),
    Saved { staged_file: PathBuf, rows: usize, columns: usize },
    Status(WorkerStatus),
    Configured,
    Lineage(crate::lineage::FrameLineage),
    CheckpointFile { version: u32, path: PathBuf },
    Evaluation(crate::evaluation::EvaluationReport),
    CrossValidated(crate::evaluation::candidate_folds::CandidateScores),
    SearchRecorded { searches: usize },
    Replayed(ReplaySummary),
    /// The values of a `TakenValues` request, in order: Arrow IPC bytes as hex, `None` for one
    /// too large to be a literal (fe_lang's `TakenValues`).
    TakenValues { frames: Vec<Option<String>> },
    #[cfg(feature = "test-probes")]
    Probe(crate::probes::ProbeOutcome),
}

/// A frame as listed by `%fe frames`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FrameInfo {
    pub name: String,
    pub version: u32,
    pub rows: usize,
    pub columns: usize,
    pub estimated_bytes: usize,
    /// Column data types as Python Polars names them, in column order.
    pub dtypes: Vec<String>,
    /// Set for a frame kept as a scan (not in memory): `rows` is then the source's row count
    /// when known without reading it, and `estimated_bytes` what the frame would take in memory
    /// (its source's rows at its sample's bytes per row).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scan: Option<ScanInfo>,
}

/// What a frame kept as a scan reads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScanInfo {
    /// The path, folder or glob it was loaded from.
    pub source: String,
    pub format: String,
    pub files: usize,
    pub source_bytes: u64,
    /// False after a step that may change the row count (rows are counted when it is saved).
    pub rows_known: bool,
}

/// The head of a frame.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct TablePreview {
    pub name: String,
    pub version: u32,
    pub rows_total: usize,
    pub rows_shown: usize,
    pub html: String,
    pub text: String,
}

/// Statistics of one column.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ColumnSummary {
    pub name: String,
    pub dtype: String,
    pub nulls: usize,
    pub unique: Option<usize>,
    pub min: Option<String>,
    pub max: Option<String>,
    pub mean: Option<f64>,
    /// Most frequent values with their counts (at most five).
    pub top_values: Vec<(String, usize)>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SchemaSummary {
    pub name: String,
    pub version: u32,
    pub rows: usize,
    pub columns: Vec<ColumnSummary>,
    pub html: String,
    pub text: String,
}

/// The first rows of a frame as CSV text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SampleRows {
    pub name: String,
    pub version: u32,
    pub rows: usize,
    pub csv: String,
}

/// A column an apply added or changed (or dropped: then `dtype` is its old type).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ColumnChange {
    pub name: String,
    pub dtype: String,
    pub previous_dtype: Option<String>,
    pub nulls: usize,
    pub examples: Vec<String>,
    /// Distinct values (nulls count as one), computed by previews only.
    #[serde(default)]
    pub unique: Option<usize>,
    /// An input column with the same dtype and the same values, computed by previews only.
    #[serde(default)]
    pub same_as: Option<String>,
}

/// The result of an apply (committed) or a preview (not committed: `version` is the current one).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ApplySummary {
    pub name: String,
    pub previous_version: u32,
    pub version: u32,
    pub rows_before: usize,
    pub rows_after: usize,
    pub new_columns: Vec<ColumnChange>,
    pub changed_columns: Vec<ColumnChange>,
    pub dropped_columns: Vec<ColumnChange>,
    /// Columns of the input frames the code read (from the feature language).
    pub columns_read: Vec<String>,
    /// Set for a frame kept as a scan: nothing was read, and the column changes were computed
    /// on this many rows (the first rows of the source through the frame's steps).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sampled_rows: Option<usize>,
    pub html: String,
    pub text: String,
}

/// The frame a replay made, and from what.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReplaySummary {
    pub frame: FrameInfo,
    /// The frame whose steps ran, and its version.
    pub of: String,
    pub of_version: u32,
    pub mode: crate::lineage::ReplayMode,
    /// How many steps (applies) ran.
    pub steps: usize,
}

/// One kept version of a frame.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VersionView {
    pub version: u32,
    pub origin: String,
    pub code: Option<String>,
    pub llm: Option<LlmProvenance>,
    pub created_unix_ms: u64,
    pub rows: usize,
    pub columns: usize,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FrameHistoryView {
    pub name: String,
    pub current: u32,
    pub versions: Vec<VersionView>,
    /// `%%fe search` runs on the frame, oldest first.
    #[serde(default)]
    pub searches: Vec<crate::search_log::SearchRecord>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct WorkerStatus {
    pub pid: u32,
    pub sandbox: SandboxReport,
    pub frames: Vec<FrameInfo>,
    pub resident_bytes: Option<u64>,
    /// Problems found while restoring from the manifest (missing or unreadable version files).
    pub restore_warnings: Vec<String>,
    /// Checkpoint files queued or being written (0: every committed version is on disk).
    #[serde(default)]
    pub checkpoints_queued: usize,
}

/// Errors of the framing layer.
#[derive(Debug, thiserror::Error)]
pub enum FrameError {
    #[error("the other end closed the pipe")]
    Closed,
    #[error("message of {0} bytes is larger than the limit of {MAX_FRAME_BYTES} bytes")]
    TooLarge(usize),
    #[error("pipe error: {0}")]
    Io(#[from] io::Error),
    #[error("malformed message: {0}")]
    Json(#[from] serde_json::Error),
}

/// Writes one message: u32 big-endian length, then the JSON text.
pub fn write_message<T: Serialize>(out: &mut impl Write, message: &T) -> Result<(), FrameError> {
    let body = serde_json::to_vec(message)?;
    if body.len() > MAX_FRAME_BYTES as usize {
        return Err(FrameError::TooLarge(body.len()));
    }
    out.write_all(&(body.len() as u32).to_be_bytes())?;
    out.write_all(&body)?;
    out.flush()?;
    Ok(())
}

/// A zero-length frame: the worker has read a request and starts on it (so the kernel can tell
/// a worker that died between requests from one that died during one).
pub fn write_receipt(out: &mut impl Write) -> Result<(), FrameError> {
    out.write_all(&0u32.to_be_bytes())?;
    out.flush()?;
    Ok(())
}

/// Reads one message body; `Closed` on a clean end of stream before a length.
pub fn read_message_bytes(input: &mut impl Read) -> Result<Vec<u8>, FrameError> {
    let mut length = [0u8; 4];
    match input.read_exact(&mut length) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Err(FrameError::Closed),
        Err(e) => return Err(FrameError::Io(e)),
    }
    let length = u32::from_be_bytes(length);
    if length > MAX_FRAME_BYTES {
        return Err(FrameError::TooLarge(length as usize));
    }
    let mut body = vec![0u8; length as usize];
    input.read_exact(&mut body)?;
    Ok(body)
}

/// Reads and decodes one message.
pub fn read_message<T: for<'de> Deserialize<'de>>(input: &mut impl Read) -> Result<T, FrameError> {
    let body = read_message_bytes(input)?;
    Ok(serde_json::from_slice(&body)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_round_trips_through_the_framing() {
        let mut pipe = Vec::new();
        write_message(&mut pipe, &Request::Show { name: "tx".into(), rows: 5 }).unwrap();
        assert_eq!(&pipe[..4], &(pipe.len() as u32 - 4).to_be_bytes());
        let back: Request = read_message(&mut pipe.as_slice()).unwrap();
        assert!(matches!(back, Request::Show { name, rows: 5 } if name == "tx"));
    }

    #[test]
    fn an_oversized_length_is_refused_before_allocating() {
        let pipe = (MAX_FRAME_BYTES + 1).to_be_bytes();
        assert!(matches!(read_message_bytes(&mut pipe.as_slice()), Err(FrameError::TooLarge(_))));
    }

    #[test]
    fn an_empty_pipe_reads_as_closed() {
        assert!(matches!(read_message_bytes(&mut [].as_slice()), Err(FrameError::Closed)));
    }
}
