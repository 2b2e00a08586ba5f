// The thread that owns evcxr's `CommandContext` (created there, never moved) and runs jobs
// for it one at a time: cells, completions, hovers. Everything else talks to it by channel.

use std::panic::AssertUnwindSafe;
use std::process::Child;
use std::sync::{Arc, Mutex};

use crossbeam_channel::{Receiver, Sender};
use evcxr::{CommandContext, EvalCallbacks, EvalOutputs};

use super::build_log::{BuildLog, BuildLogReader};
use super::build_reports::BUILD_LOG_ENV;
use super::panic_capture::hook_installation_cell;
use crate::server::publisher::CellIo;

/// Work for the evaluator thread.
pub enum Job {
    /// Run a cell; its stdout/stderr arrive on the evaluator's channels while it runs.
    Execute { code: String, io: CellIo, done: Sender<CellEvent> },
    Complete { code: String, byte_offset: usize, done: Sender<Option<RustCompletions>> },
    Inspect { code: String, byte_offset: usize, done: Sender<Option<(String, String)>> },
    /// Start a new child process after it was killed behind evcxr's back.
    RestartChild { done: Sender<()> },
}

/// What the thread running a cell waits for.
pub enum CellEvent {
    Finished(Result<EvalOutputs, evcxr::Error>),
    /// Sent by `interrupt`, not by the evaluator.
    Interrupted,
}

pub struct RustCompletions {
    pub matches: Vec<String>,
    pub start: usize,
    pub end: usize,
}

/// A started evaluator: its output channels and its child process (stable across restarts),
/// and where its dependency builds are reported.
#[derive(Clone)]
pub struct Started {
    pub stdout: Receiver<String>,
    pub stderr: Receiver<String>,
    pub process: Arc<Mutex<Child>>,
    /// None when the log could not be created (builds then run without a progress line).
    pub build_log: Option<Arc<BuildLog>>,
    /// The folder of evcxr's generated crate (its Cargo.toml names the dependencies).
    pub crate_dir: Option<std::path::PathBuf>,
}

impl Started {
    /// Reads the builds that start from now on.
    pub fn build_log_reader(&self) -> Option<BuildLogReader> {
        self.build_log.as_ref().map(|log| log.reader_from_end())
    }
}

/// Spawns the evaluator thread (the `number`th of this kernel). It reports on `ready` once evcxr
/// has started (7–10 s), then serves jobs until the job sender is dropped.
pub fn spawn(number: u64) -> (Sender<Job>, Receiver<Result<Started, String>>) {
    let (jobs_sender, jobs) = crossbeam_channel::unbounded();
    let (ready_sender, ready) = crossbeam_channel::bounded(1);
    let spawned = std::thread::Builder::new()
        .name("evcxr".into())
        .spawn(move || serve(number, jobs, ready_sender));
    if let Err(error) = spawned {
        let (failed_sender, failed) = crossbeam_channel::bounded(1);
        let _ = failed_sender.send(Err(format!("could not start the evaluator thread: {error}")));
        return (jobs_sender, failed);
    }
    (jobs_sender, ready)
}

fn serve(number: u64, jobs: Receiver<Job>, ready: Sender<Result<Started, String>>) {
    let (mut context, outputs) = match CommandContext::new() {
        Ok(started) => started,
        Err(error) => {
            let _ = ready.send(Err(error.to_string()));
            return;
        }
    };
    let build_log = BuildLog::create(number).ok().map(Arc::new);
    let started = Started {
        stdout: outputs.stdout,
        stderr: outputs.stderr,
        process: context.process_handle(),
        build_log: build_log.clone(),
        crate_dir: compile_dir(&mut context),
    };
    if ready.send(Ok(started)).is_err() {
        return;
    }
    let mut preparation = Preparation { build_log, ..Preparation::default() };
    for job in jobs {
        match job {
            Job::Execute { code, io, done } => {
                preparation.before_cell(&mut context, &io);
                let result = std::panic::catch_unwind(AssertUnwindSafe(|| {
                    // evcxr does not export its `InputRequest` type: the field's type names it.
                    let mut callbacks =
                        EvalCallbacks { input_reader: &|request| read_line(&io, &request.prompt, request.is_password) };
                    context.execute_with_callbacks(&code, &mut callbacks)
                }))
                .unwrap_or_else(|_| Err(evcxr::Error::Message("evcxr failed internally (it panicked)".into())));
                let _ = done.send(CellEvent::Finished(result));
            }
            Job::Complete { code, byte_offset, done } => {
                let completions = std::panic::catch_unwind(AssertUnwindSafe(|| context.completions(&code, byte_offset)))
                    .ok()
                    .and_then(Result::ok)
                    .map(|found| RustCompletions {
                        matches: deduplicated(found.completions.into_iter().map(|c| c.code)),
                        start: found.start_offset,
                        end: found.end_offset,
                    });
                let _ = done.send(completions);
            }
            Job::Inspect { code, byte_offset, done } => {
                let hover = std::panic::catch_unwind(AssertUnwindSafe(|| context.hover_at(&code, byte_offset)))
                    .ok()
                    .and_then(Result::ok)
                    .filter(|(plain, _)| plain != "No documentation found");
                let _ = done.send(hover);
            }
            Job::RestartChild { done } => {
                // `:restart` replaces the child and forgets the variables it held.
                let _ = context.execute(":restart");
                let _ = done.send(());
            }
        }
    }
}

/// Answers `std::io::stdin` reads in a cell through the front end (empty when not allowed).
fn read_line(io: &CellIo, prompt: &str, password: bool) -> String {
    match io.input(prompt, password) {
        Ok(line) => line,
        Err(reason) => {
            io.stderr(&format!("(input unavailable: {reason}; the cell reads an empty line)\n"));
            String::new()
        }
    }
}

/// evcxr's build cache for dependencies (in `~/.cache/evcxr`), so that a `:dep` — Polars for
/// `%fe to-rust` above all — compiles once per machine rather than once per kernel.
const DEPENDENCY_CACHE_MIB: u64 = 4096;

/// Once per evaluator: the dependency cache, the build log for cargo, and the user's evcxr
/// config (which may change them). Once per child process: the panic hook.
#[derive(Default)]
struct Preparation {
    config_loaded: bool,
    hook_installed_in: Option<u32>,
    build_log: Option<Arc<BuildLog>>,
}

impl Preparation {
    fn before_cell(&mut self, context: &mut CommandContext, io: &CellIo) {
        if !self.config_loaded {
            self.config_loaded = true;
            if let Err(error) = context.execute(&format!(":cache {DEPENDENCY_CACHE_MIB}")) {
                io.stderr(&format!("(evcxr's build cache could not be turned on: {error})\n"));
            }
            // Only cargo (and the rustc it runs) sees this variable, not the cells' process.
            if let Some(log) = &self.build_log {
                if let Err(error) = context.execute(&format!(":build_env {BUILD_LOG_ENV}={}", log.path().display())) {
                    io.stderr(&format!("(dependency builds will show no progress: {error})\n"));
                }
            }
            if let Err(error) = context.execute(":load_config --quiet") {
                io.stderr(&format!("(your evcxr configuration did not load: {error})\n"));
            }
        }
        let child = context.process_handle().lock().map(|child| child.id()).unwrap_or_else(|e| e.into_inner().id());
        if self.hook_installed_in != Some(child) {
            match context.execute(&hook_installation_cell()) {
                Ok(_) => self.hook_installed_in = Some(child),
                Err(error) => io.stderr(&format!("(panics will be reported on stderr only: {error})\n")),
            }
        }
    }
}

/// The folder evcxr compiles in (it compiled a first cell while starting).
fn compile_dir(context: &mut CommandContext) -> Option<std::path::PathBuf> {
    let outputs = context.execute(":last_compile_dir").ok()?;
    let text = outputs.content_by_mime_type.get("text/plain")?;
    Some(std::path::PathBuf::from(text.trim())).filter(|dir| dir.join("Cargo.toml").exists())
}

fn deduplicated(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    items.filter(|item| seen.insert(item.clone())).collect()
}
