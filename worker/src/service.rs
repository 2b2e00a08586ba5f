// The worker process: locks itself down before any thread starts, restores the session, then
// answers requests on stdin/stdout until stdin closes (the kernel's lifeline).

use std::ffi::OsString;
use std::fs::File;
use std::io::{self, BufReader, BufWriter};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use polars::error::abort::{catch_polars_abort, register_polars_abort_mechanism, QueryAborted};
use polars::prelude::*;

use crate::atomic_file::write_atomically;
use crate::cell_runner::{self, CellResult};
use crate::column_changes;
use crate::descriptor_channel::DescriptorReceiver;
use crate::frame_names::check_frame_name;
use crate::lineage::ReplayMode;
use crate::manifest::{SourceIdentity, VersionRecord};
use crate::protocol::*;
use crate::render;
use crate::replay;
use crate::sandbox::{self, SandboxPlan, SandboxReport};
use crate::schema_summary;
use crate::session_folder::SessionFolder;
use crate::store::{FrameStore, StoreError};

/// Most rows `show` renders.
pub const MAX_SHOW_ROWS: usize = 1000;

/// Arguments of the hidden `worker` subcommand.
#[derive(Clone, Debug)]
pub struct ServiceArgs {
    pub session: PathBuf,
    pub max_versions: usize,
    pub sync_checkpoints: bool,
}

impl ServiceArgs {
    /// Parses `--session DIR [--max-versions N] [--sync-checkpoints]`.
    pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<ServiceArgs, String> {
        let mut session = None;
        let mut max_versions = 20;
        let mut sync_checkpoints = false;
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            match arg.to_str() {
                Some("--session") => session = args.next().map(PathBuf::from),
                Some("--sync-checkpoints") => sync_checkpoints = true,
                Some("--max-versions") => {
                    max_versions = args
                        .next()
                        .and_then(|v| v.to_str().and_then(|v| v.parse().ok()))
                        .ok_or("--max-versions needs a number")?
                }
                _ => return Err(format!("unknown worker argument {arg:?}")),
            }
        }
        Ok(ServiceArgs { session: session.ok_or("--session DIR is required")?, max_versions, sync_checkpoints })
    }
}

/// Runs the worker until stdin closes; returns the process exit code.
pub fn run(args: ServiceArgs) -> i32 {
    // Everything before `sandbox::install` must stay single-threaded: no Polars call here.
    crate::allocator::configure();
    let folder = match SessionFolder::open_existing(&args.session) {
        Ok(folder) => folder,
        Err(e) => {
            eprintln!("fe-worker: cannot open session folder {}: {e}", args.session.display());
            return 2;
        }
    };
    set_display_options();
    // Before the sandbox: the socket the kernel hands open files over (descriptor 3).
    let descriptors = DescriptorReceiver::inherited();
    // A checkpoint past RLIMIT_FSIZE fails with EFBIG (reported) instead of killing the worker.
    // SAFETY: setting a signal's disposition to ignore has no preconditions.
    unsafe { libc::signal(libc::SIGXFSZ, libc::SIG_IGN) };
    let report = sandbox::install(&SandboxPlan { session_folder: folder.root().to_path_buf() });
    for line in report.lines() {
        eprintln!("fe-worker: {line}");
    }
    // Polars' hook runs first and keeps its abort panics silent; every other panic (caught and
    // answered as `ExecutionError`) is reported in one line rather than Rust's default report.
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".into());
        let location = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        eprintln!("fe-worker: caught a panic{location}: {}", message.lines().next().unwrap_or(""));
    }));
    register_polars_abort_mechanism();

    let (mut store, restore) = match FrameStore::open(folder, args.max_versions) {
        Ok(opened) => opened,
        Err(e) => {
            eprintln!("fe-worker: cannot restore the session: {e}");
            return 3;
        }
    };
    for warning in &restore.warnings {
        eprintln!("fe-worker: {warning}");
    }
    store.set_sync_checkpoints(args.sync_checkpoints);
    let notices = restore.warnings.clone();
    let mut worker = Worker { store, sandbox: report, restore_warnings: restore.warnings, descriptors, handed_over: Vec::new(), notices };
    let mut input = BufReader::new(io::stdin().lock());
    let mut output = BufWriter::new(io::stdout().lock());
    loop {
        let request: Request = match read_message(&mut input) {
            Ok(request) => {
                if let Err(e) = write_receipt(&mut output) {
                    eprintln!("fe-worker: cannot answer: {e}");
                    return 4;
                }
                request
            }
            Err(FrameError::Closed) => return 0,
            Err(FrameError::Json(e)) => {
                let failure = usage(format!("malformed request: {e}"));
                if write_message(&mut output, &Response::failed(failure)).is_err() {
                    return 4;
                }
                continue;
            }
            Err(e) => {
                eprintln!("fe-worker: {e}");
                return 4;
            }
        };
        let response = worker.handle_guarded(request);
        let mut notices = std::mem::take(&mut worker.notices);
        notices.extend(worker.store.checkpoint_failures());
        let response = response.with_notices(notices);
        if let Err(e) = write_message(&mut output, &response) {
            eprintln!("fe-worker: cannot answer: {e}");
            return 4;
        }
    }
}

/// Text rendering options for Polars, set while the process is still single-threaded.
fn set_display_options() {
    // SAFETY: called before any other thread exists, so nothing reads the environment concurrently.
    unsafe {
        std::env::set_var("POLARS_FMT_MAX_ROWS", MAX_SHOW_ROWS.to_string());
        std::env::set_var("POLARS_FMT_MAX_COLS", "40");
        std::env::set_var("POLARS_FMT_STR_LEN", "40");
    }
}

pub(crate) fn usage(message: String) -> Failure {
    Failure { class: FailureClass::UsageError, message, rendered: None, diagnostics: Vec::new() }
}

/// An ExecutionError whose message ends with what is unchanged ("…; frame `tx` is still at version 3").
fn execution_error_leaving(unchanged: &str, message: String) -> Failure {
    Failure {
        class: FailureClass::ExecutionError,
        message: format!("{message}; {unchanged}"),
        rendered: None,
        diagnostics: Vec::new(),
    }
}

pub(crate) fn interrupted(unchanged: &str) -> Failure {
    Failure {
        class: FailureClass::Interrupted,
        message: format!("interrupted; {unchanged}"),
        rendered: None,
        diagnostics: Vec::new(),
    }
}

pub(crate) fn store_failure(error: StoreError) -> Failure {
    let class = match error {
        StoreError::UnknownFrame { .. } | StoreError::NothingToUndo { .. } | StoreError::BadStagedFile(_) => {
            FailureClass::UsageError
        }
        _ => FailureClass::ExecutionError,
    };
    Failure { class, message: error.to_string(), rendered: None, diagnostics: Vec::new() }
}

/// `store_failure` whose message ends with what is unchanged.
fn store_failure_leaving(error: StoreError, unchanged: &str) -> Failure {
    let mut failure = store_failure(error);
    failure.message = format!("{}; {unchanged}", failure.message);
    failure
}

/// The summary of an apply (`committed`) or a preview, rendered: `versions` is (previous, new),
/// `rows` (before, after); `sampled_rows` is set for a frame kept as a scan.
fn apply_summary(
    name: &str,
    versions: (u32, u32),
    rows: (usize, usize),
    changes: column_changes::ColumnChanges,
    columns_read: Vec<String>,
    sampled_rows: Option<usize>,
    committed: bool,
) -> ApplySummary {
    let mut summary = ApplySummary {
        name: name.to_string(),
        previous_version: versions.0,
        version: versions.1,
        rows_before: rows.0,
        rows_after: rows.1,
        new_columns: changes.new_columns,
        changed_columns: changes.changed_columns,
        dropped_columns: changes.dropped_columns,
        columns_read,
        sampled_rows,
        html: String::new(),
        text: String::new(),
    };
    (summary.html, summary.text) = render::apply_views(&summary, committed);
    summary
}

/// The worker's state: its frames and what its sandbox looks like.
pub struct Worker {
    pub(crate) store: FrameStore,
    sandbox: SandboxReport,
    restore_warnings: Vec<String>,
    /// Where the kernel hands over open files (none when started without the socket).
    descriptors: Option<DescriptorReceiver>,
    /// The files handed over with the request being handled, in order.
    handed_over: Vec<io::Result<File>>,
    /// Sentences for the user, sent with the next response.
    notices: Vec<String>,
}

impl Worker {
    /// Handles a request. Every request is interruptible at Polars' check points (SIGINT), and
    /// a panic inside (a Polars bug) answers `ExecutionError`; either way the frames stay as they
    /// were (commits happen only after a result is complete).
    fn handle_guarded(&mut self, request: Request) -> Response {
        // Taken first, whatever happens next: the channel must never keep a file for a later request.
        self.handed_over = (0..request.files_carried())
            .map(|_| match &self.descriptors {
                Some(channel) => channel.receive(),
                None => Err(io::Error::other("this worker was started without the kernel's descriptor channel")),
            })
            .collect();
        let frame = request.frame_name().map(str::to_string);
        let unchanged = frame.as_deref().map(|f| self.unchanged(f)).unwrap_or_else(|| "nothing was changed".into());
        match catch_unwind(AssertUnwindSafe(|| catch_polars_abort(AssertUnwindSafe(|| self.handle(request))))) {
            Ok(Ok(Ok(reply))) => Response::ok(reply),
            Ok(Ok(Err(failure))) => Response::failed(failure),
            Ok(Err(QueryAborted::KeyboardInterrupt)) => Response::failed(interrupted(&unchanged)),
            Ok(Err(QueryAborted::OocOutOfDisk)) => Response::failed(Failure {
                class: FailureClass::ResourceLimit,
                message: format!("out of disk space; {unchanged}"),
                rendered: None,
                diagnostics: Vec::new(),
            }),
            Err(panic) => {
                let text = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown panic".into());
                Response::failed(Failure {
                    class: FailureClass::ExecutionError,
                    message: format!("internal error in Polars or the worker: {text}; {unchanged}"),
                    rendered: None,
                    diagnostics: Vec::new(),
                })
            }
        }
    }

    /// The file handed over with the current request.
    fn receive_file(&mut self) -> Result<File, String> {
        self.receive_files().and_then(|files| files.into_iter().next().ok_or_else(|| "no file was handed over with this request".into()))
    }

    /// Every file handed over with the current request, in order.
    fn receive_files(&mut self) -> Result<Vec<File>, String> {
        std::mem::take(&mut self.handed_over)
            .into_iter()
            .map(|file| file.map_err(|e| format!("the file was not handed over ({e})")))
            .collect()
    }

    /// "frame `tx` is still at version 3" (or that it does not exist).
    pub(crate) fn unchanged(&self, name: &str) -> String {
        match self.store.current_version(name) {
            Some(version) => format!("frame `{name}` is still at version {version}"),
            None => format!("no frame `{name}` was created"),
        }
    }

    fn handle(&mut self, request: Request) -> Result<Reply, Failure> {
        if let Some(name) = request.frame_name() {
            check_frame_name(name).map_err(|e| usage(e.to_string()))?;
        }
        match request {
            Request::Load { name, source } => {
                let unchanged = self.unchanged(&name);
                let with_note = |message: String| execution_error_leaving(&unchanged, message);
                let file = self.receive_file().map_err(&with_note)?;
                let identity = SourceIdentity::of(&file).map_err(|e| with_note(format!("cannot read `{source}`: {e}")))?;
                let df = crate::loader::read_source(file, &source).map_err(&with_note)?;
                self.store.commit_loaded(&name, df, &source, identity).map_err(|e| with_note(e.to_string()))?;
                Ok(Reply::Adopted { frame: self.store.info(&name).map_err(store_failure)? })
            }
            Request::LoadScan { name, source, format, files: wanted } => {
                let unchanged = self.unchanged(&name);
                let with_note = |message: String| execution_error_leaving(&unchanged, message);
                let files = self.receive_files().map_err(&with_note)?;
                let scan = crate::scan_source::OpenScan::open(&source, format, wanted, files).map_err(&with_note)?;
                self.store.commit_scanned(&name, scan).map_err(|e| with_note(e.to_string()))?;
                Ok(Reply::Adopted { frame: self.store.info(&name).map_err(store_failure)? })
            }
            Request::Restore => Ok(Reply::Restoring { awaiting: self.store.awaiting_sources() }),
            Request::ProvideSource { name, version, unavailable, .. } => {
                let files = match unavailable {
                    Some(reason) => Err(reason),
                    None => self.receive_files(),
                };
                let report = self.store.provide_source(&name, version, files).map_err(store_failure)?;
                self.notices.extend(report.warnings);
                Ok(Reply::Restoring { awaiting: self.store.awaiting_sources() })
            }
            Request::Adopt { name, staged_file, origin } => {
                let unchanged = self.unchanged(&name);
                self.store.adopt(&name, &staged_file, origin).map_err(|e| store_failure_leaving(e, &unchanged))?;
                Ok(Reply::Adopted { frame: self.store.info(&name).map_err(store_failure)? })
            }
            Request::Frames => Ok(Reply::Frames { frames: self.store.infos() }),
            Request::Show { name, rows } => self.show(&name, rows),
            Request::Schema { name } => self.schema(&name),
            Request::Apply { name, code, llm, first_line } if self.store.scanned(&name).is_some() => {
                self.apply_to_scanned(&name, &code, llm, first_line)
            }
            Request::Apply { name, code, llm, first_line } => {
                let unchanged = self.unchanged(&name);
                let plans = self.store.plans();
                self.apply_with(&name, &code, llm, |_| cell_runner::run_plans(&code, first_line, &name, &plans, &unchanged, Default::default()))
            }
            Request::PreviewApply { name, code, sample_rows, first_line } => {
                self.preview(&name, &code, first_line, sample_rows)
            }
            Request::EvaluatePreview { name, code, sample_rows, target } => {
                let (sample, result, record) = self.run_on_sample(&name, &code, 1, sample_rows)?;
                crate::evaluation::answer_on_sample(&sample, result.frame, &name, record.version, &target).map(Reply::Evaluation)
            }
            Request::Sample { name, rows } => self.sample(&name, rows),
            Request::Undo { name } => {
                let (_, dropped_version) = self.store.undo(&name).map_err(store_failure)?;
                Ok(Reply::Undone { frame: self.store.info(&name).map_err(store_failure)?, dropped_version })
            }
            Request::History { name } => Ok(Reply::History(self.store.history(&name).map_err(store_failure)?)),
            Request::Save { name, format } => self.save(&name, format),
            Request::Lineage { name } => Ok(Reply::Lineage(self.store.lineage(&name).map_err(store_failure)?)),
            Request::CheckpointFile { name } => {
                let (version, path) = self.store.checkpoint_file(&name).map_err(store_failure)?;
                Ok(Reply::CheckpointFile { version, path })
            }
            Request::Evaluate { name, target, features } => {
                crate::evaluation::answer(&self.store, &name, &target, features.as_deref()).map(Reply::Evaluation)
            }
            Request::CrossValidate { name, spec } => {
                crate::evaluation::candidate_folds::answer(&self.store, &name, &spec).map(Reply::CrossValidated)
            }
            Request::RecordSearch { name, search } => {
                Ok(Reply::SearchRecorded { searches: self.store.record_search(&name, search).map_err(store_failure)? })
            }
            Request::Replay { name, source, new_name, mode } => self.replay(&name, &source, &new_name, mode),
            Request::TakenValues { name, version, applied_to, code, reads } => {
                catch_polars_abort(AssertUnwindSafe(|| crate::taken_values::answer(&self.store, &name, version, applied_to, &code, &reads)))
                    .map_err(|_| interrupted("no frame was changed"))?
            }
            Request::Configure { max_versions, sync_checkpoints } => {
                self.store.set_max_versions(max_versions);
                self.store.set_sync_checkpoints(sync_checkpoints);
                Ok(Reply::Configured)
            }
            Request::Status => Ok(Reply::Status(WorkerStatus {
                pid: std::process::id(),
                sandbox: self.sandbox.clone(),
                frames: self.store.infos(),
                resident_bytes: resident_bytes(),
                restore_warnings: self.restore_warnings.clone(),
                checkpoints_queued: self.store.checkpoints_queued(),
            })),
            #[cfg(feature = "test-probes")]
            Request::Probe { probe } => crate::probes::run(self, probe),
        }
    }

    fn show(&self, name: &str, rows: usize) -> Result<Reply, Failure> {
        if let Some((scanned, record)) = self.store.scanned(name) {
            // The plan's first rows, through the streaming engine (a scan reads only what they need).
            let head = cell_runner::collect_streaming(scanned.plan.clone().limit(rows.min(MAX_SHOW_ROWS) as IdxSize))
                .map_err(|e| cell_runner::polars_failure(&e, &self.unchanged(name)))?;
            let caption =
                format!("{name} (version {}, kept as a scan): first {} rows ({}), {} columns", record.version, head.height(), scanned_rows(record), head.width());
            return Ok(Reply::Table(TablePreview {
                name: name.to_string(),
                version: record.version,
                rows_total: record.rows,
                rows_shown: head.height(),
                html: render::html_table(&head, &caption),
                text: render::text_table(&head, &caption),
            }));
        }
        let (df, record) = self.store.frame(name).map_err(store_failure)?;
        let head = df.head(Some(rows.min(MAX_SHOW_ROWS)));
        let caption = format!("{name} (version {}): {} of {} rows, {} columns", record.version, head.height(), df.height(), df.width());
        Ok(Reply::Table(TablePreview {
            name: name.to_string(),
            version: record.version,
            rows_total: df.height(),
            rows_shown: head.height(),
            html: render::html_table(&head, &caption),
            text: render::text_table(&head, &caption),
        }))
    }

    fn schema(&self, name: &str) -> Result<Reply, Failure> {
        let unchanged = self.unchanged(name);
        if let Some((scanned, record)) = self.store.scanned(name) {
            let sample = &scanned.sample;
            let columns = catch_polars_abort(AssertUnwindSafe(|| schema_summary::summarize(sample))).map_err(|_| interrupted(&unchanged))?;
            let source = record.scan.as_ref().map(|s| s.source.as_str()).unwrap_or_default();
            let note = render::sampled_statistics_note(sample.height(), crate::scanned_frames::SAMPLE_ROWS, source);
            let rows = scanned_rows(record);
            return Ok(Reply::Schema(SchemaSummary {
                name: name.to_string(),
                version: record.version,
                rows: record.rows,
                html: format!("{}<p>{}</p>", render::schema_html(name, record.version, &rows, &columns), render::escape_html(&note)),
                text: format!("{}{note}\n", render::schema_text(name, record.version, &rows, &columns)),
                columns,
            }));
        }
        let (df, record) = self.store.frame(name).map_err(store_failure)?;
        let columns = catch_polars_abort(AssertUnwindSafe(|| schema_summary::summarize(df)))
            .map_err(|_| interrupted(&unchanged))?;
        Ok(Reply::Schema(SchemaSummary {
            name: name.to_string(),
            version: record.version,
            rows: df.height(),
            html: render::schema_html(name, record.version, &format!("{} rows", df.height()), &columns),
            text: render::schema_text(name, record.version, &format!("{} rows", df.height()), &columns),
            columns,
        }))
    }

    /// Runs `produce` (interruptible), compares with the current version and commits the result.
    pub(crate) fn apply_with(
        &mut self,
        name: &str,
        code: &str,
        llm: Option<LlmProvenance>,
        produce: impl FnOnce(&std::collections::HashMap<String, DataFrame>) -> Result<CellResult, Failure>,
    ) -> Result<Reply, Failure> {
        let unchanged = self.unchanged(name);
        let (before, record) = self.store.frame(name).map_err(store_failure)?;
        let (before, previous_version) = (before.clone(), record.version);
        let frames = self.store.current_frames().clone();
        let result = match catch_polars_abort(AssertUnwindSafe(|| produce(&frames))) {
            Ok(result) => result?,
            Err(QueryAborted::KeyboardInterrupt) => return Err(interrupted(&unchanged)),
            Err(QueryAborted::OocOutOfDisk) => {
                return Err(Failure {
                    class: FailureClass::ResourceLimit,
                    message: format!("out of disk space; {unchanged}"),
                    rendered: None,
                    diagnostics: Vec::new(),
                })
            }
        };
        let changes = column_changes::compare(&before, &result.frame);
        let rows_after = result.frame.height();
        let committed = self.store.commit_apply(name, result.frame, code, llm).map_err(|e| store_failure_leaving(e, &unchanged))?;
        let summary = apply_summary(
            name,
            (previous_version, committed.version),
            (before.height(), rows_after),
            changes,
            result.columns_read,
            None,
            true,
        );
        Ok(Reply::Applied(summary))
    }

    /// An apply to a frame kept as a scan: the cell's plan is appended to the frame's plan (nothing
    /// is read), and the change summary comes from the frame's sample.
    fn apply_to_scanned(&mut self, name: &str, code: &str, llm: Option<LlmProvenance>, first_line: u32) -> Result<Reply, Failure> {
        let unchanged = self.unchanged(name);
        let (base, record) = self.store.scanned(name).expect("checked by the caller");
        let (base, previous_version, record) = (base.clone(), record.version, record.clone());
        let others = self.store.other_frames(name);
        let (next, columns_read) = catch_polars_abort(AssertUnwindSafe(|| {
            crate::scanned_frames::next_version(name, &base, code, first_line, &others, &unchanged)
        }))
        .map_err(|_| interrupted(&unchanged))??;
        if let Some(scan) = record.scan.as_ref() {
            crate::scanned_frames::check_fits(name, &next, scan, crate::scanned_frames::memory_limit()).map_err(|message| Failure {
                class: FailureClass::ResourceLimit,
                message: format!("{message}; {unchanged}"),
                rendered: None,
                diagnostics: Vec::new(),
            })?;
        }
        let changes = column_changes::compare(&base.sample, &next.sample);
        let sampled_rows = next.sample.height();
        let committed = self.store.commit_scanned_apply(name, next, code, llm).map_err(|e| store_failure_leaving(e, &unchanged))?;
        let summary = apply_summary(
            name,
            (previous_version, committed.version),
            (base.sample.height(), sampled_rows),
            changes,
            columns_read,
            Some(sampled_rows),
            true,
        );
        Ok(Reply::Applied(summary))
    }

    /// `code` run on the first `sample_rows` rows of `name` (other frames whole), nothing committed:
    /// the sample, the result and the frame's current version record.
    fn run_on_sample(&self, name: &str, code: &str, first_line: u32, sample_rows: usize) -> Result<(DataFrame, CellResult, VersionRecord), Failure> {
        let unchanged = self.unchanged(name);
        let (source, record, _) = self.store.frame_or_sample(name).map_err(store_failure)?;
        let sample = source.head(Some(sample_rows.max(1)));
        let mut frames = self.store.other_frames(name).samples;
        frames.insert(name.to_string(), sample.clone().lazy());
        let result = catch_polars_abort(AssertUnwindSafe(|| cell_runner::run_plans(code, first_line, name, &frames, &unchanged, Default::default())))
            .map_err(|_| interrupted(&unchanged))??;
        Ok((sample, result, record.clone()))
    }

    fn preview(&self, name: &str, code: &str, first_line: u32, sample_rows: usize) -> Result<Reply, Failure> {
        let (sample, result, record) = self.run_on_sample(name, code, first_line, sample_rows)?;
        let mut changes = column_changes::compare(&sample, &result.frame);
        column_changes::profile_new_columns(&sample, &result.frame, &mut changes.new_columns);
        let summary = apply_summary(
            name,
            (record.version, record.version),
            (sample.height(), result.frame.height()),
            changes,
            result.columns_read,
            None,
            false,
        );
        Ok(Reply::Previewed(summary))
    }

    /// `%fe replay`: NAME's recipe on the file handed over, committed as the next version of NEW.
    fn replay(&mut self, name: &str, source: &str, new_name: &str, mode: ReplayMode) -> Result<Reply, Failure> {
        let unchanged = self.unchanged(new_name);
        let with_note = |message: String| execution_error_leaving(&unchanged, message);
        let file = self.receive_file().map_err(&with_note)?;
        check_frame_name(name).map_err(|e| usage(e.to_string()))?;
        if name == new_name {
            return Err(usage(format!("the replayed frame needs a name other than `{name}` (add `as NEW`); {unchanged}")));
        }
        let lineage = self.store.lineage(name).map_err(store_failure)?;
        let data = crate::loader::read_source(file, source).map_err(&with_note)?;
        let replayed = catch_polars_abort(AssertUnwindSafe(|| replay::replay(&self.store, &lineage, data, source, mode, &unchanged)))
            .map_err(|_| interrupted(&unchanged))??;
        self.store.commit_replay(new_name, replayed.frame, &lineage, source, mode).map_err(|e| store_failure_leaving(e, &unchanged))?;
        Ok(Reply::Replayed(ReplaySummary {
            frame: self.store.info(new_name).map_err(store_failure)?,
            of: name.to_string(),
            of_version: lineage.version,
            mode,
            steps: replayed.steps,
        }))
    }

    fn sample(&self, name: &str, rows: usize) -> Result<Reply, Failure> {
        let (df, record, _) = self.store.frame_or_sample(name).map_err(store_failure)?;
        let mut head = df.head(Some(rows.min(MAX_SAMPLE_ROWS)));
        let mut csv = Vec::new();
        CsvWriter::new(&mut csv).finish(&mut head).map_err(|e| Failure {
            class: FailureClass::ExecutionError,
            message: format!("cannot write sample rows of `{name}` as CSV: {e}; {}", self.unchanged(name)),
            rendered: None,
            diagnostics: Vec::new(),
        })?;
        Ok(Reply::Sample(SampleRows {
            name: name.to_string(),
            version: record.version,
            rows: head.height(),
            csv: String::from_utf8_lossy(&csv).into_owned(),
        }))
    }

    fn save(&self, name: &str, format: SaveFormat) -> Result<Reply, Failure> {
        let unchanged = self.unchanged(name);
        // One encoding of a large frame at a time: right after an apply, the background
        // checkpoint and this file would otherwise be encoded side by side (at 1e7 rows x 18
        // columns that took the worker past a 11.8 GiB memory limit; one after the other, 7.8 GiB).
        self.store.wait_for_checkpoints();
        if let Some((scanned, _)) = self.store.scanned(name) {
            let path = self.store.export_path(name, format.extension());
            let plan = scanned.plan.clone();
            return crate::scanned_save::sink(plan, format, &path)
                .map(|(rows, columns)| Reply::Saved { staged_file: path, rows, columns })
                .map_err(|e| cell_runner::polars_failure(&e, &unchanged));
        }
        let (df, _) = self.store.frame(name).map_err(store_failure)?;
        let mut df = df.clone();
        let path = self.store.export_path(name, format.extension());
        write_atomically(&path, |file| {
            let written = match format {
                SaveFormat::Parquet => ParquetWriter::new(file).finish(&mut df).map(|_| ()),
                SaveFormat::Csv => CsvWriter::new(file).finish(&mut df),
                SaveFormat::Arrow => IpcWriter::new(file).finish(&mut df),
            };
            written.map_err(|e| io::Error::other(e.to_string()))
        })
        .map_err(|e: io::Error| Failure {
            class: FailureClass::ExecutionError,
            message: format!("cannot write the {} file: {e}; {unchanged}", format.extension()),
            rendered: None,
            diagnostics: Vec::new(),
        })?;
        Ok(Reply::Saved { staged_file: path, rows: df.height(), columns: df.width() })
    }
}

/// "120 rows", or "rows not counted" for a scanned version after a step (see `VersionRecord::rows`).
fn scanned_rows(record: &VersionRecord) -> String {
    if record.rows > 0 {
        format!("{} rows", record.rows)
    } else {
        "rows not counted".to_string()
    }
}

/// Resident memory of this process (from /proc/self/statm).
pub fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    // SAFETY: sysconf has no preconditions.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    Some(pages * page.max(1) as u64)
}
