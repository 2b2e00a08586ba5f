// Plain Rust cells, run by evcxr in a child process that starts on the first Rust cell.
// `RustCells` is the bridge: it runs cells, streams their output, and handles interrupts.

mod build_log;
mod build_progress;
mod build_reports;
mod cell_stream;
mod cell_value;
mod compile_errors;
mod completeness;
mod crate_count;
mod evaluator;
mod failures;
mod panic_capture;

use std::process::Child;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crossbeam_channel::{select, Receiver, Sender};

pub use build_reports::report_if_rustc_wrapper;
pub use completeness::is_complete;

use build_progress::BuildProgress;
use cell_stream::CellStream;
use cell_value::{cell_value, CellValue};
use evaluator::{CellEvent, Job, RustCompletions, Started};
use failures::InterruptOutcome;

use crate::server::interpreter::{CellError, ExecuteOk};
use crate::server::publisher::CellIo;

/// How long an interrupted cell may take to come back after its process was killed (it may
/// be compiling, which a kill does not stop) before the whole evaluator is discarded.
const INTERRUPT_GRACE: Duration = Duration::from_secs(5);
/// How often a cell's dependency build is looked at for its progress line.
const BUILD_PROGRESS_POLL: Duration = Duration::from_millis(250);
/// After a cell ends, stderr still on its way is waited for until quiet this long…
const TRAILING_STDERR_QUIET: Duration = Duration::from_millis(50);
/// …but never longer than this in all.
const TRAILING_STDERR_LIMIT: Duration = Duration::from_millis(500);
/// How long a completion or inspection may wait for the evaluator.
const ANALYSIS_WAIT: Duration = Duration::from_secs(10);

/// The evcxr evaluator's lifecycle.
enum EvaluatorState {
    Absent,
    Starting { jobs: Sender<Job>, ready: Receiver<Result<Started, String>> },
    Ready { jobs: Sender<Job>, started: Started },
}

/// The cell currently running, as `interrupt` sees it.
struct RunningCell {
    events: Sender<CellEvent>,
    /// Known once the evaluator has started.
    process: Option<Arc<Mutex<Child>>>,
}

pub struct RustCells {
    state: Mutex<EvaluatorState>,
    running: Mutex<Option<RunningCell>>,
    /// Counts evaluators started by this kernel (each starts with no variables).
    evaluators_started: AtomicU64,
}

/// Where the Rust cells' variables live: while this stays the same, a variable defined earlier
/// still exists. An interrupt restarts the process (new pid) and loses every variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VariablesHome {
    pub evaluator: u64,
    pub process_id: u32,
}

impl Default for RustCells {
    fn default() -> Self {
        Self::new()
    }
}

impl RustCells {
    /// Cheap: evcxr starts with the first Rust cell.
    pub fn new() -> Self {
        RustCells { state: Mutex::new(EvaluatorState::Absent), running: Mutex::new(None), evaluators_started: AtomicU64::new(0) }
    }

    /// The evaluator and process holding the variables now, if evcxr is running.
    pub fn variables_home(&self) -> Option<VariablesHome> {
        match &*lock(&self.state) {
            EvaluatorState::Ready { started, .. } => Some(VariablesHome {
                evaluator: self.evaluators_started.load(Ordering::Relaxed),
                process_id: lock(&started.process).id(),
            }),
            _ => None,
        }
    }

    /// Which evaluator runs now (0 before the first Rust cell); changes when a new one starts.
    pub fn evaluator_number(&self) -> u64 {
        self.evaluators_started.load(Ordering::Relaxed)
    }

    /// Runs one Rust cell on the calling thread, streaming its output to `io`.
    pub fn execute(&self, code: &str, io: &CellIo) -> Result<ExecuteOk, CellError> {
        if code.lines().any(|line| line.trim() == ":quit" || line.trim_start().starts_with(":quit ")) {
            return Err(failures::refused_quit());
        }
        let (events_sender, events) = crossbeam_channel::unbounded();
        *lock(&self.running) = Some(RunningCell { events: events_sender.clone(), process: None });
        let result = self.execute_registered(code, io, events_sender, &events);
        *lock(&self.running) = None;
        result
    }

    fn execute_registered(
        &self,
        code: &str,
        io: &CellIo,
        events_sender: Sender<CellEvent>,
        events: &Receiver<CellEvent>,
    ) -> Result<ExecuteOk, CellError> {
        let (jobs, started) = self.started_evaluator(io, events)?;
        if let Some(cell) = lock(&self.running).as_mut() {
            cell.process = Some(started.process.clone());
        }
        // Before the job is sent, so that no build event of this cell is missed.
        let mut progress = BuildProgress::new(started.build_log_reader(), started.crate_dir.clone());
        let job = Job::Execute { code: code.to_string(), io: io.clone(), done: events_sender };
        if jobs.send(job).is_err() {
            *lock(&self.state) = EvaluatorState::Absent;
            return Err(failures::unavailable("the evaluator thread has stopped; run the cell again to restart it"));
        }

        let mut stream = CellStream::new(io);
        let progress_ticks = crossbeam_channel::tick(BUILD_PROGRESS_POLL);
        let mut stdout = started.stdout.clone();
        let mut stderr = started.stderr.clone();
        let mut interrupted_at: Option<Instant> = None;
        let finished = loop {
            let deadline = match interrupted_at {
                Some(at) => crossbeam_channel::at(at + INTERRUPT_GRACE),
                None => crossbeam_channel::never(),
            };
            select! {
                recv(stdout) -> line => match line {
                    Ok(line) => stream.stdout(line, &stdout),
                    Err(_) => stdout = crossbeam_channel::never(),
                },
                recv(stderr) -> line => match line {
                    Ok(line) => stream.stderr(line, &stderr),
                    Err(_) => stderr = crossbeam_channel::never(),
                },
                recv(events) -> event => match event {
                    Ok(CellEvent::Finished(result)) => break Some(result),
                    Ok(CellEvent::Interrupted) => {
                        // `interrupt` may have come before the process was known: kill it here too.
                        kill(&started.process);
                        interrupted_at.get_or_insert_with(Instant::now);
                    }
                    // Cannot happen while we hold a sender; treat as a vanished evaluator.
                    Err(_) => break None,
                },
                recv(deadline) -> _ => break None,
                recv(progress_ticks) -> _ => progress.poll(io),
            }
        };
        progress.finish(io);
        stream.flush_stderr(&started.stderr, TRAILING_STDERR_QUIET, TRAILING_STDERR_LIMIT);
        // An interrupt that landed after the cell finished still killed the process.
        let was_interrupted = interrupted_at.is_some() || events.try_iter().any(|e| matches!(e, CellEvent::Interrupted));

        let Some(result) = finished else {
            self.discard_evaluator(&started);
            return Err(failures::interrupted(InterruptOutcome::EvaluatorDiscarded));
        };
        if was_interrupted {
            self.restart_child_if_dead(&jobs, &started);
            return Err(failures::interrupted(InterruptOutcome::ProcessRestarted));
        }
        match result {
            Ok(outputs) => {
                if let Some(panic) = stream.take_panic() {
                    return Err(failures::panicked(&panic));
                }
                match cell_value(&outputs.content_by_mime_type) {
                    Some(CellValue::Result(bundle)) => io.execute_result(bundle),
                    Some(CellValue::Display(bundle)) => io.display(bundle, None),
                    None => {}
                }
                if let Some(timing) = outputs.timing {
                    io.stdout(&format!("Took {}ms\n", timing.as_millis()));
                }
                Ok(ExecuteOk::default())
            }
            Err(error) => Err(failures::from_evcxr(&error, code)),
        }
    }

    /// The running evaluator, starting it if needed (announced on stderr: it takes seconds).
    fn started_evaluator(&self, io: &CellIo, events: &Receiver<CellEvent>) -> Result<(Sender<Job>, Started), CellError> {
        let (jobs, ready) = {
            let mut state = lock(&self.state);
            if matches!(*state, EvaluatorState::Absent) {
                // A notice, not an error: stdout (front ends colour stderr like an error).
                io.stdout("Starting the Rust evaluator (evcxr); the first Rust cell takes about 10 seconds…\n");
                self.evaluators_started.fetch_add(1, Ordering::Relaxed);
                let number = self.evaluators_started.load(Ordering::Relaxed);
                let (jobs, ready) = evaluator::spawn(number);
                *state = EvaluatorState::Starting { jobs, ready };
            }
            match &*state {
                EvaluatorState::Ready { jobs, started } => return Ok((jobs.clone(), started.clone())),
                EvaluatorState::Starting { jobs, ready } => (jobs.clone(), ready.clone()),
                EvaluatorState::Absent => unreachable!("set to Starting above"),
            }
        };
        select! {
            recv(ready) -> outcome => {
                let mut state = lock(&self.state);
                match outcome {
                    Ok(Ok(started)) => {
                        *state = EvaluatorState::Ready { jobs: jobs.clone(), started: started.clone() };
                        Ok((jobs, started))
                    }
                    Ok(Err(reason)) => {
                        *state = EvaluatorState::Absent;
                        Err(failures::unavailable(&reason))
                    }
                    Err(_) => {
                        *state = EvaluatorState::Absent;
                        Err(failures::unavailable("the evaluator thread stopped while starting"))
                    }
                }
            },
            recv(events) -> _ => Err(failures::interrupted(InterruptOutcome::WhileStarting)),
        }
    }

    /// After a kill that evcxr did not notice (the cell had finished or failed to compile),
    /// give it a fresh child so the next cell does not fail.
    fn restart_child_if_dead(&self, jobs: &Sender<Job>, started: &Started) {
        let dead = matches!(lock(&started.process).try_wait(), Ok(Some(_)));
        if dead {
            let (done, restarted) = crossbeam_channel::bounded(1);
            if jobs.send(Job::RestartChild { done }).is_ok() {
                let _ = restarted.recv_timeout(INTERRUPT_GRACE);
            }
        }
    }

    /// Forgets an evaluator that did not come back; its thread ends after its current job.
    fn discard_evaluator(&self, started: &Started) {
        *lock(&self.state) = EvaluatorState::Absent;
        // evcxr waits for its stdout channel to drain: keep draining so the old thread can end.
        let (stdout, stderr) = (started.stdout.clone(), started.stderr.clone());
        let _ = std::thread::Builder::new().name("evcxr-discarded".into()).spawn(move || {
            let (mut stdout, mut stderr) = (Some(stdout), Some(stderr));
            while stdout.is_some() || stderr.is_some() {
                let (out, err) = (
                    stdout.clone().unwrap_or_else(crossbeam_channel::never),
                    stderr.clone().unwrap_or_else(crossbeam_channel::never),
                );
                select! {
                    recv(out) -> line => if line.is_err() { stdout = None },
                    recv(err) -> line => if line.is_err() { stderr = None },
                }
            }
        });
    }

    /// Stops the running Rust cell by killing the evaluator process (evcxr has no cooperative
    /// interrupt). Does nothing when no Rust cell runs. Never blocks on the running cell.
    pub fn interrupt(&self) {
        let running = lock(&self.running);
        let Some(cell) = running.as_ref() else {
            return;
        };
        if let Some(process) = &cell.process {
            kill(process);
        }
        let _ = cell.events.send(CellEvent::Interrupted);
    }

    /// Completions at a byte offset; none while a cell runs or before evcxr has started.
    pub fn complete(&self, code: &str, byte_offset: usize) -> Option<RustCompletions> {
        let jobs = self.idle_evaluator()?;
        let (done, answer) = crossbeam_channel::bounded(1);
        jobs.send(Job::Complete { code: code.to_string(), byte_offset, done }).ok()?;
        answer.recv_timeout(ANALYSIS_WAIT).ok().flatten()
    }

    /// `(plain text, html)` documentation of what is at a byte offset.
    pub fn inspect(&self, code: &str, byte_offset: usize) -> Option<(String, String)> {
        let jobs = self.idle_evaluator()?;
        let (done, answer) = crossbeam_channel::bounded(1);
        jobs.send(Job::Inspect { code: code.to_string(), byte_offset, done }).ok()?;
        answer.recv_timeout(ANALYSIS_WAIT).ok().flatten()
    }

    fn idle_evaluator(&self) -> Option<Sender<Job>> {
        if lock(&self.running).is_some() {
            return None;
        }
        match &*lock(&self.state) {
            EvaluatorState::Ready { jobs, .. } => Some(jobs.clone()),
            _ => None,
        }
    }

    /// Ends the evaluator (its child process dies with it); a restart begins with none.
    pub fn shutdown(&self) {
        self.interrupt();
        let previous = std::mem::replace(&mut *lock(&self.state), EvaluatorState::Absent);
        if let EvaluatorState::Ready { started, .. } = previous {
            kill(&started.process);
        }
    }
}

/// Kills the evcxr child without waiting on evcxr's lock for long.
fn kill(process: &Arc<Mutex<Child>>) {
    match process.try_lock() {
        Ok(mut child) => {
            let _ = child.kill();
        }
        Err(_) => {
            let process = process.clone();
            let _ = std::thread::Builder::new().name("evcxr-kill".into()).spawn(move || {
                let _ = lock(&process).kill();
            });
        }
    }
}

/// Locks, recovering from poisoning (a panicked holder leaves plain data behind).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
