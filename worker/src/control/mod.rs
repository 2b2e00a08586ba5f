// The kernel side of the worker: starts it, sends one request at a time with a timeout,
// interrupts it, and after an unexpected death restarts it without replaying the request.

mod child_process;
mod errors;
mod exit_cause;
mod file_transfer;
mod load_sources;
mod pipeline_requests;
mod spawn;

use std::collections::HashSet;
use std::ffi::OsString;
use std::fs::File;
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI32, AtomicU64, Ordering};
use std::sync::{mpsc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

pub use errors::{LimitKind, WorkerError};
pub use exit_cause::{classify, ExitCause};
pub use file_transfer::SavedFile;
pub use load_sources::LoadMode;
pub use spawn::{cpu_seconds_used, kernel_side_report, minimal_environment};

use child_process::{ReplyEvent, RunningChild};
use spawn::{rearm_cpu_limit, sandboxed_command, Spawner};

use crate::descriptor_channel::{DescriptorPair, DescriptorSender};
use crate::frame_names::check_frame_name;
use crate::limits::WorkerLimits;
use crate::protocol::*;
use crate::sandbox::SandboxReport;
use crate::session_folder::SessionFolder;

/// How often a waiting request checks its deadlines.
const POLL: Duration = Duration::from_millis(20);
/// How long a restarted worker may take to list its frames (to say what is unchanged).
const RESTART_CHECK_TIMEOUT: Duration = Duration::from_secs(60);

/// How to start workers.
#[derive(Clone, Debug)]
pub struct WorkerConfig {
    /// The executable (the kernel passes `std::env::current_exe()`).
    pub program: PathBuf,
    /// Arguments selecting the worker entry point (the kernel: `["worker"]`); the control
    /// appends `--session DIR --max-versions N`.
    pub worker_args: Vec<OsString>,
    pub session: SessionFolder,
    pub limits: WorkerLimits,
    /// Copy the children's stderr lines to this process's stderr (the Jupyter log).
    pub forward_stderr: bool,
}

/// `%fe status` from the kernel side.
#[derive(Clone, Debug)]
pub struct ControlStatus {
    pub worker: WorkerStatus,
    pub kernel_side: SandboxReport,
    pub limits: WorkerLimits,
    pub restarts: u64,
    pub last_crash: Option<String>,
    pub session_folder: PathBuf,
}

/// Why the control killed a worker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum KillReason {
    Timeout,
    Interrupt,
}

enum Outcome {
    Answered { response: Response, timed_out: bool },
    Died { cause: ExitCause, killed: Option<KillReason> },
    /// The worker was dead before the request reached it (its stdin or descriptor channel was
    /// closed): the request never started.
    Undelivered { cause: ExitCause },
}

#[derive(Default)]
struct InFlight {
    pid: Option<i32>,
    interrupt_requested: Option<Instant>,
}

struct RunningWorker {
    process: RunningChild,
    limits: WorkerLimits,
    /// The kernel's end of the worker's descriptor channel (open files for loads and restores).
    descriptors: DescriptorSender,
}

/// The kernel's handle on its worker. Requests are serialised; `interrupt` may be called from
/// any thread while a request runs.
pub struct WorkerControl {
    config: Mutex<WorkerConfig>,
    worker: Mutex<Option<RunningWorker>>,
    in_flight: Mutex<InFlight>,
    restarts: AtomicU64,
    last_crash: Mutex<Option<String>>,
    /// Sentences for the user beside the answers (see `Response::notices`), until taken.
    notices: Mutex<Vec<String>>,
    /// Every file opened for a load (canonical paths): the only ones a restore may open again.
    sources: Mutex<HashSet<PathBuf>>,
    /// The running worker's pid (0 when none), readable while a request holds `worker`.
    pid: AtomicI32,
    // Declared last: dropped after the worker is stopped (its thread's exit would SIGKILL it).
    spawner: Spawner,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl WorkerControl {
    /// Starts the spawner thread and the worker (which restores any frames of the session).
    pub fn start(config: WorkerConfig) -> Result<WorkerControl, WorkerError> {
        let spawner = Spawner::start()
            .map_err(|e| WorkerError::WorkerCrashed { message: format!("cannot start the spawner thread: {e}") })?;
        let control = WorkerControl {
            config: Mutex::new(config),
            worker: Mutex::new(None),
            in_flight: Mutex::new(InFlight::default()),
            restarts: AtomicU64::new(0),
            last_crash: Mutex::new(None),
            notices: Mutex::new(Vec::new()),
            sources: Mutex::new(HashSet::new()),
            pid: AtomicI32::new(0),
            spawner,
        };
        {
            let mut slot = lock(&control.worker);
            control.ensure_running(&mut slot)?;
        }
        Ok(control)
    }

    pub fn session(&self) -> SessionFolder {
        lock(&self.config).session.clone()
    }

    pub fn limits(&self) -> WorkerLimits {
        lock(&self.config).limits.clone()
    }

    /// Replaces the limits. Timeout, CPU and kept versions apply to the next request; memory,
    /// file size and open files need a new process, which starts before the next request.
    pub fn set_limits(&self, limits: WorkerLimits) -> Result<(), WorkerError> {
        let configure_changed = {
            let mut config = lock(&self.config);
            let changed = (config.limits.max_versions, config.limits.sync_checkpoints) != (limits.max_versions, limits.sync_checkpoints);
            config.limits = limits.clone();
            changed
        };
        if configure_changed {
            self.request(Request::Configure { max_versions: limits.max_versions, sync_checkpoints: limits.sync_checkpoints })?;
        }
        Ok(())
    }

    /// What the worker said beside its answers since the last call (see `Response::notices`).
    pub fn take_notices(&self) -> Vec<String> {
        std::mem::take(&mut *lock(&self.notices))
    }

    /// The worker's pid, if it is running.
    pub fn worker_pid(&self) -> Option<i32> {
        Some(self.pid.load(Ordering::Relaxed)).filter(|&pid| pid > 0)
    }

    /// True while a request (or a loader) is running.
    pub fn request_in_flight(&self) -> bool {
        lock(&self.in_flight).pid.is_some()
    }

    /// Sends SIGINT to whatever runs the current request; it is killed if it has not answered
    /// after the grace period. Returns false when nothing was running.
    pub fn interrupt(&self) -> bool {
        let mut in_flight = lock(&self.in_flight);
        let Some(pid) = in_flight.pid else { return false };
        // SAFETY: kill has no memory-safety preconditions; pid is our running child.
        unsafe { libc::kill(pid, libc::SIGINT) };
        in_flight.interrupt_requested.get_or_insert_with(Instant::now);
        true
    }

    /// Sends one request and waits for its answer (see the module comment).
    pub fn request(&self, request: Request) -> Result<Reply, WorkerError> {
        let mut slot = lock(&self.worker);
        self.request_locked(&mut slot, &request, &[])
    }

    /// `files` are handed over with a request that carries them (`Request::files_carried`).
    fn request_locked(&self, slot: &mut Option<RunningWorker>, request: &Request, files: &[File]) -> Result<Reply, WorkerError> {
        if let Some(name) = request.frame_name() {
            check_frame_name(name).map_err(|e| WorkerError::usage(e.to_string()))?;
        }
        self.ensure_running(slot)?;
        let limits = self.limits();
        let worker = slot.as_mut().expect("started above");
        let _ = rearm_cpu_limit(worker.process.pid, limits.cpu_seconds);
        let mut outcome = self.exchange(worker, request, files, &limits);
        if let Outcome::Undelivered { cause } = &outcome {
            // Died between commands (and not yet seen as dead): the request never ran, so it
            // runs on a restarted worker.
            self.died_while_idle(cause.error("the worker (while idle)", &limits));
            *slot = None;
            self.ensure_running(slot)?;
            let worker = slot.as_mut().expect("started above");
            outcome = self.exchange(worker, request, files, &limits);
        }
        if let Outcome::Answered { response, .. } = &outcome {
            lock(&self.notices).extend(response.notices().iter().cloned());
        }
        match outcome {
            Outcome::Answered { response: Response::Ok { reply, .. }, .. } => Ok(reply),
            Outcome::Answered { response: Response::Failed { failure, .. }, timed_out } => {
                if timed_out && failure.class == FailureClass::Interrupted {
                    let unchanged = failure.message.trim_start_matches("interrupted; ").to_string();
                    return Err(WorkerError::Timeout {
                        message: format!("stopped after the timeout of {}", describe_duration(limits.timeout)),
                    }
                    .with_note(&unchanged));
                }
                Err(WorkerError::from_failure(failure))
            }
            Outcome::Died { cause, killed } => Err(self.died(slot, request, &limits, cause, killed)),
            // The retry found the new worker dead too: an error, not another retry.
            Outcome::Undelivered { cause } => Err(self.died(slot, request, &limits, cause, None)),
        }
    }

    /// The error for a request whose worker died (restarted first, so it can say what is kept).
    fn died(&self, slot: &mut Option<RunningWorker>, request: &Request, limits: &WorkerLimits, cause: ExitCause, killed: Option<KillReason>) -> WorkerError {
        let error = match killed {
            Some(KillReason::Timeout) => WorkerError::Timeout {
                message: format!(
                    "stopped after the timeout of {} (it did not stop on SIGINT, so the worker was killed)",
                    describe_duration(limits.timeout)
                ),
            },
            Some(KillReason::Interrupt) => WorkerError::Interrupted {
                message: "interrupted (the worker did not stop on SIGINT, so it was killed)".into(),
            },
            None => cause.error("the worker", limits),
        };
        self.record_crash(&error);
        *slot = None;
        let note = self.restart_note(slot, request.frame_name());
        error.with_note(&note)
    }

    fn record_crash(&self, error: &WorkerError) {
        *lock(&self.last_crash) = Some(error.to_string());
        self.restarts.fetch_add(1, Ordering::Relaxed);
    }

    /// A worker found dead before a command: recorded, and said beside the command's answer.
    fn died_while_idle(&self, error: WorkerError) {
        self.record_crash(&error);
        lock(&self.notices).push(format!("{error}; it was restarted and its frames restored before this command ran"));
    }

    /// Restarts the worker and says what is unchanged; the request is never sent again.
    fn restart_note(&self, slot: &mut Option<RunningWorker>, frame: Option<&str>) -> String {
        if let Err(e) = self.ensure_running(slot) {
            return format!("the worker could not be restarted ({e}); the next command tries again");
        }
        let unchanged = match frame {
            None => "every frame is at its last committed version".to_string(),
            Some(name) => {
                let worker = slot.as_mut().expect("started above");
                let mut limits = self.limits();
                limits.timeout = RESTART_CHECK_TIMEOUT;
                match self.exchange(worker, &Request::Frames, &[], &limits) {
                    Outcome::Answered { response: Response::Ok { reply: Reply::Frames { frames }, .. }, .. } => {
                        match frames.iter().find(|f| f.name == name) {
                            Some(f) => format!("frame `{name}` is still at version {}", f.version),
                            None => format!("no frame `{name}` was created"),
                        }
                    }
                    _ => "every frame is at its last committed version".to_string(),
                }
            }
        };
        format!("{unchanged}; the worker was restarted and restored every frame; the command was not run again")
    }

    /// Starts a worker if none runs, replaces one that died while idle, and restarts one whose
    /// limits need a new process.
    fn ensure_running(&self, slot: &mut Option<RunningWorker>) -> Result<(), WorkerError> {
        let limits = self.limits();
        if let Some(worker) = slot.as_mut() {
            if let Ok(Some(_)) = worker.process.child.try_wait() {
                let (status, stderr) = worker.process.reap();
                self.died_while_idle(classify(status, &stderr).error("the worker (while idle)", &worker.limits));
                *slot = None;
            } else if worker.limits.needs_restart_for(&limits) {
                worker.process.stop(Duration::from_secs(2));
                *slot = None;
            }
        }
        if slot.is_some() {
            return Ok(());
        }
        let config = lock(&self.config).clone();
        let mut args = config.worker_args.clone();
        args.extend([
            OsString::from("--session"),
            config.session.root().as_os_str().to_owned(),
            OsString::from("--max-versions"),
            OsString::from(config.limits.max_versions.to_string()),
        ]);
        if config.limits.sync_checkpoints {
            args.push(OsString::from("--sync-checkpoints"));
        }
        let channel = DescriptorPair::new()
            .map_err(|e| WorkerError::WorkerCrashed { message: format!("cannot create the worker's descriptor channel: {e}") })?;
        let command = sandboxed_command(&config.program, &args, config.session.root(), &config.limits, channel.worker_end.as_raw_fd());
        let child = self.spawner.spawn(command).map_err(|e| WorkerError::WorkerCrashed {
            message: format!("cannot start the worker {}: {e}", config.program.display()),
        })?;
        drop(channel.worker_end);
        let prefix = config.forward_stderr.then_some("fe-worker");
        let mut worker = RunningWorker { process: RunningChild::adopt(child, prefix), limits: config.limits.clone(), descriptors: channel.kernel_end };
        // A new worker restores the session first (and removes temporary files left by a crash),
        // with the source files it asks for: wait for that before any other request.
        let mut limits = config.limits.clone();
        limits.timeout = RESTART_CHECK_TIMEOUT;
        self.finish_restore(&mut worker, &limits)?;
        self.pid.store(worker.process.pid, Ordering::Relaxed);
        *slot = Some(worker);
        Ok(())
    }

    /// Answers a new worker's restore: it says which source files it needs again (versions
    /// whose checkpoint was not written when the previous worker died); each is opened and
    /// handed over if this control opened it for a load before, else refused with the reason.
    fn finish_restore(&self, worker: &mut RunningWorker, limits: &WorkerLimits) -> Result<(), WorkerError> {
        let failed = |failure: Failure| WorkerError::WorkerCrashed { message: format!("the new worker failed to start: {}", failure.message) };
        let mut request = Request::Restore;
        let mut files: Vec<File> = Vec::new();
        loop {
            let awaiting = match self.exchange(worker, &request, &files, limits) {
                Outcome::Answered { response, .. } => {
                    lock(&self.notices).extend(response.notices().iter().cloned());
                    match response {
                        Response::Ok { reply: Reply::Restoring { awaiting }, .. } => awaiting,
                        Response::Ok { reply, .. } => return Err(unexpected(reply)),
                        Response::Failed { failure, .. } => return Err(failed(failure)),
                    }
                }
                Outcome::Died { cause, .. } | Outcome::Undelivered { cause } => {
                    return Err(cause.error("the new worker (while restoring)", limits))
                }
            };
            let Some(need) = awaiting.into_iter().next() else { return Ok(()) };
            let paths = if need.scan_files.is_empty() { vec![need.source.clone()] } else { need.scan_files.clone() };
            let opened: Result<Vec<File>, String> = paths
                .iter()
                .map(|path| {
                    if lock(&self.sources).contains(Path::new(path)) {
                        File::open(path).map_err(|e| format!("`{path}` cannot be opened ({e})"))
                    } else {
                        Err(format!("`{path}` is not a file this kernel loaded"))
                    }
                })
                .collect();
            let (name, version) = (need.name, need.version);
            (request, files) = match opened {
                Ok(opened) => (Request::ProvideSource { name, version, unavailable: None, files: opened.len() }, opened),
                Err(reason) => (Request::ProvideSource { name, version, unavailable: Some(reason), files: 0 }, Vec::new()),
            };
        }
    }

    /// Hands over `file` (for a request that carries one), writes the request and waits for the
    /// answer, escalating on timeout and interrupt.
    fn exchange(&self, worker: &mut RunningWorker, request: &Request, files: &[File], limits: &WorkerLimits) -> Outcome {
        {
            let mut in_flight = lock(&self.in_flight);
            in_flight.pid = Some(worker.process.pid);
            in_flight.interrupt_requested = None;
        }
        let outcome = self.exchange_in_flight(worker, request, files, limits);
        *lock(&self.in_flight) = InFlight::default();
        outcome
    }

    fn exchange_in_flight(&self, worker: &mut RunningWorker, request: &Request, files: &[File], limits: &WorkerLimits) -> Outcome {
        debug_assert_eq!(request.files_carried(), files.len(), "a request that carries files is sent with them");
        let handed_over = files.iter().take(request.files_carried()).all(|file| worker.descriptors.send(file).is_ok());
        let process = &mut worker.process;
        let written = handed_over
            && match process.stdin.as_mut() {
                Some(stdin) => write_message(stdin, request).is_ok(),
                None => false,
            };
        if !written {
            let (status, stderr) = process.reap();
            return Outcome::Undelivered { cause: classify(status, &stderr) };
        }
        let started = Instant::now();
        let mut timeout_signalled: Option<Instant> = None;
        let mut killed: Option<KillReason> = None;
        // The worker acknowledges each request when it has read it (`write_receipt`): a worker
        // that dies before that never started the request.
        let mut received = false;
        loop {
            match process.replies.recv_timeout(POLL) {
                Ok(ReplyEvent::Message(bytes)) if bytes.is_empty() => received = true,
                Ok(ReplyEvent::Message(bytes)) => match serde_json::from_slice::<Response>(&bytes) {
                    Ok(response) => return Outcome::Answered { response, timed_out: timeout_signalled.is_some() },
                    Err(_) => {
                        process.signal(libc::SIGKILL);
                        return reap(process, killed);
                    }
                },
                Ok(ReplyEvent::Closed) | Err(mpsc::RecvTimeoutError::Disconnected) if !received && killed.is_none() => {
                    let (status, stderr) = process.reap();
                    return Outcome::Undelivered { cause: classify(status, &stderr) };
                }
                Ok(ReplyEvent::Closed) | Err(mpsc::RecvTimeoutError::Disconnected) => return reap(process, killed),
                Err(mpsc::RecvTimeoutError::Timeout) => {}
            }
            if killed.is_some() {
                continue;
            }
            let now = Instant::now();
            if timeout_signalled.is_none() && now.duration_since(started) > limits.timeout {
                process.signal(libc::SIGINT);
                timeout_signalled = Some(now);
            }
            if timeout_signalled.is_some_and(|at| now.duration_since(at) > limits.interrupt_grace) {
                process.signal(libc::SIGKILL);
                killed = Some(KillReason::Timeout);
            }
            let interrupted_at = lock(&self.in_flight).interrupt_requested;
            if interrupted_at.is_some_and(|at| now.duration_since(at) > limits.interrupt_grace) {
                process.signal(libc::SIGKILL);
                killed = Some(KillReason::Interrupt);
            }
        }
    }

    // ---- the commands of the `%fe` magics ----

    pub fn frames(&self) -> Result<Vec<FrameInfo>, WorkerError> {
        match self.request(Request::Frames)? {
            Reply::Frames { frames } => Ok(frames),
            other => Err(unexpected(other)),
        }
    }

    pub fn show(&self, name: &str, rows: usize) -> Result<TablePreview, WorkerError> {
        match self.request(Request::Show { name: name.into(), rows })? {
            Reply::Table(table) => Ok(table),
            other => Err(unexpected(other)),
        }
    }

    pub fn schema(&self, name: &str) -> Result<SchemaSummary, WorkerError> {
        match self.request(Request::Schema { name: name.into() })? {
            Reply::Schema(schema) => Ok(schema),
            other => Err(unexpected(other)),
        }
    }

    /// `first_line`: the code's first line in the notebook cell (diagnostics count from it).
    pub fn apply(
        &self,
        name: &str,
        code: &str,
        first_line: u32,
        llm: Option<LlmProvenance>,
    ) -> Result<ApplySummary, WorkerError> {
        match self.request(Request::Apply { name: name.into(), code: code.into(), llm, first_line })? {
            Reply::Applied(summary) => Ok(summary),
            other => Err(unexpected(other)),
        }
    }

    pub fn preview_apply(
        &self,
        name: &str,
        code: &str,
        first_line: u32,
        sample_rows: usize,
    ) -> Result<ApplySummary, WorkerError> {
        let request = Request::PreviewApply { name: name.into(), code: code.into(), sample_rows, first_line };
        match self.request(request)? {
            Reply::Previewed(summary) => Ok(summary),
            other => Err(unexpected(other)),
        }
    }

    /// The first `rows` rows of `name` (at most `MAX_SAMPLE_ROWS`) as CSV text.
    pub fn sample(&self, name: &str, rows: usize) -> Result<SampleRows, WorkerError> {
        match self.request(Request::Sample { name: name.into(), rows })? {
            Reply::Sample(sample) => Ok(sample),
            other => Err(unexpected(other)),
        }
    }

    /// Goes back one version; returns the frame now current and the version dropped.
    pub fn undo(&self, name: &str) -> Result<(FrameInfo, u32), WorkerError> {
        match self.request(Request::Undo { name: name.into() })? {
            Reply::Undone { frame, dropped_version } => Ok((frame, dropped_version)),
            other => Err(unexpected(other)),
        }
    }

    /// The current version of `name` and its checkpoint file, written before this returns
    /// (`%fe to-rust` memory-maps it).
    pub fn checkpoint_file(&self, name: &str) -> Result<(u32, PathBuf), WorkerError> {
        match self.request(Request::CheckpointFile { name: name.into() })? {
            Reply::CheckpointFile { version, path } => Ok((version, path)),
            other => Err(unexpected(other)),
        }
    }

    pub fn history(&self, name: &str) -> Result<FrameHistoryView, WorkerError> {
        match self.request(Request::History { name: name.into() })? {
            Reply::History(history) => Ok(history),
            other => Err(unexpected(other)),
        }
    }

    pub fn status(&self) -> Result<ControlStatus, WorkerError> {
        let worker = match self.request(Request::Status)? {
            Reply::Status(status) => status,
            other => return Err(unexpected(other)),
        };
        let limits = self.limits();
        Ok(ControlStatus {
            worker,
            kernel_side: kernel_side_report(&limits),
            limits,
            restarts: self.restarts.load(Ordering::Relaxed),
            last_crash: lock(&self.last_crash).clone(),
            session_folder: self.session().root().to_path_buf(),
        })
    }

    /// Stops the worker (closing its stdin, then SIGKILL after a second).
    pub fn shutdown(&self) {
        if let Some(mut worker) = lock(&self.worker).take() {
            worker.process.stop(Duration::from_secs(1));
        }
        self.pid.store(0, Ordering::Relaxed);
    }

    /// Stops the worker and deletes the session folder (Jupyter shutdown or restart).
    pub fn shutdown_and_clear(&self) -> std::io::Result<()> {
        self.shutdown();
        self.session().remove()
    }

    /// Kills the worker without warning, even while a request runs (tests and benchmarks of
    /// crash recovery). Returns the pid killed.
    pub fn kill_worker_for_test(&self) -> Option<i32> {
        let pid = self.worker_pid()?;
        // SAFETY: kill has no memory-safety preconditions; the pid is our child (at worst one
        // that already died and is not yet reaped, which makes this a no-op).
        unsafe { libc::kill(pid, libc::SIGKILL) };
        Some(pid)
    }
}

impl Drop for WorkerControl {
    fn drop(&mut self) {
        self.shutdown();
    }
}

fn reap(process: &mut RunningChild, killed: Option<KillReason>) -> Outcome {
    let (status, stderr) = process.reap();
    Outcome::Died { cause: classify(status, &stderr), killed }
}

fn unexpected(reply: Reply) -> WorkerError {
    WorkerError::WorkerCrashed { message: format!("the worker answered with an unexpected reply: {reply:?}") }
}

fn describe_duration(duration: Duration) -> String {
    if duration.subsec_millis() == 0 {
        format!("{} s", duration.as_secs())
    } else {
        format!("{:.1} s", duration.as_secs_f64())
    }
}

/// Paths shown to users in messages.
pub(crate) fn shown(path: &Path) -> String {
    path.display().to_string()
}
