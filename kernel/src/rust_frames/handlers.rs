// `%fe to-rust NAME [as VAR]` and `%fe from-rust VAR as NAME`: the worker's checkpoint files are
// the hand-over point, so frames never pass through the kernel's memory.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use fe_worker::manifest::Origin;
use fe_worker::protocol::FrameInfo;
use fe_worker::WorkerControl;

use super::generated_cells::{is_rust_variable_name, read_into_variable, write_variable};
use super::hand_over_errors::HandOverError;
use super::polars_in_cells::{dep_line, FEATURES, POLARS_VERSION};
use crate::display::{code_spans, text_and_html};
use crate::frame_commands::{cell_error, WorkerSession};
use crate::magics::{MagicCall, MagicHandler, MagicRegistry, UsageError, COMMANDS};
use crate::rust_cells::{RustCells, VariablesHome};
use crate::server::interpreter::{CellError, ExecuteOk};
use crate::server::publisher::CellIo;

type Outcome = Result<ExecuteOk, CellError>;

struct RustFrames {
    worker: Arc<WorkerSession>,
    rust: Arc<RustCells>,
    state: Mutex<HandOverState>,
}

#[derive(Default)]
struct HandOverState {
    /// The evaluator polars was added to with `:dep`.
    polars_in: Option<u64>,
    /// Variables made by `%fe to-rust`, with where they lived then (to explain a loss).
    handed: HashMap<String, VariablesHome>,
}

pub fn attach(registry: &mut MagicRegistry, worker: Arc<WorkerSession>, rust: Arc<RustCells>) {
    let frames = Arc::new(RustFrames { worker, rust, state: Mutex::new(HandOverState::default()) });
    registry.set_handler("to-rust", Arc::new(ToRust(frames.clone()))).expect("documented");
    registry.set_handler("from-rust", Arc::new(FromRust(frames))).expect("documented");
}

struct ToRust(Arc<RustFrames>);
struct FromRust(Arc<RustFrames>);

impl MagicHandler for ToRust {
    fn run(&self, call: &MagicCall, io: &CellIo) -> Outcome {
        let (name, variable) = match call.args.as_slice() {
            [name] => (name.clone(), name.clone()),
            [name, as_word, variable] if as_word == "as" => (name.clone(), variable.clone()),
            _ => return Err(bad(call, "expected a frame name, optionally followed by `as VAR`.")),
        };
        self.0.to_rust(&name, &variable, io)
    }
}

impl MagicHandler for FromRust {
    fn run(&self, call: &MagicCall, io: &CellIo) -> Outcome {
        match call.args.as_slice() {
            [variable, as_word, name] if as_word == "as" => self.0.from_rust(variable, name, io),
            _ => Err(bad(call, "expected a Rust variable, `as` and a frame name.")),
        }
    }
}

fn bad(call: &MagicCall, message: &str) -> CellError {
    let synopsis = COMMANDS.iter().find(|d| d.name == call.name).map(|d| d.synopsis_line()).unwrap_or_default();
    UsageError::BadArguments { message: message.into(), synopsis }.into()
}

impl RustFrames {
    fn to_rust(&self, name: &str, variable: &str, io: &CellIo) -> Outcome {
        if !is_rust_variable_name(variable) {
            return Err(HandOverError::BadVariableName(variable.to_string()).into());
        }
        let started = Instant::now();
        let control = self.worker.control().map_err(cell_error)?;
        let frame = find_frame(&control, name)?;
        let (_, file) = control.checkpoint_file(name).map_err(cell_error)?;
        self.ensure_polars(io)?;
        let read = read_into_variable(variable, &file);
        self.rust.execute(&read, io).map_err(|e| CellError::from(HandOverError::from_cell(&e, variable, "reads the frame", false)))?;
        if let Some(home) = self.rust.variables_home() {
            lock(&self.state).handed.insert(variable.to_string(), home);
        }
        let text = format!(
            "`{variable}` is frame `{name}` version {} ({} rows × {} columns) as a polars::prelude::DataFrame in the Rust cells, memory-mapped from its checkpoint file ({:.1} s)",
            frame.version,
            frame.rows,
            frame.columns,
            started.elapsed().as_secs_f64()
        );
        io.display(text_and_html(text.clone(), format!("<p>{}</p>", code_spans(&text))), None);
        Ok(ExecuteOk::default())
    }

    fn from_rust(&self, variable: &str, name: &str, io: &CellIo) -> Outcome {
        if !is_rust_variable_name(variable) {
            return Err(HandOverError::BadVariableName(variable.to_string()).into());
        }
        let Some(home) = self.rust.variables_home() else {
            return Err(HandOverError::NoRustContext(variable.to_string()).into());
        };
        let lost = lock(&self.state).handed.get(variable).is_some_and(|then| *then != home);
        let control = self.worker.control().map_err(cell_error)?;
        let staged = control.staging_path(name).map_err(cell_error)?;
        if let Err(error) = self.rust.execute(&write_variable(variable, &staged), io) {
            let _ = std::fs::remove_file(&staged);
            return Err(HandOverError::from_cell(&error, variable, "writes the frame", lost).into());
        }
        let cell = io.execution_count();
        let frame = control.adopt_staged(name, &staged, Origin::RustCell { execution_count: cell }).map_err(cell_error)?;
        let table = control.show(name, 5).map_err(cell_error)?;
        let headline = format!(
            "frame `{name}` is now version {} ({} rows × {} columns), from Rust variable `{variable}` in cell {cell}",
            frame.version, frame.rows, frame.columns
        );
        io.display(
            text_and_html(format!("{headline}\n{}", table.text), format!("<p>{}</p>{}", code_spans(&headline), table.html)),
            None,
        );
        Ok(ExecuteOk::default())
    }

    /// Adds polars to the evcxr context, once per evaluator.
    fn ensure_polars(&self, io: &CellIo) -> Result<(), CellError> {
        // `:dep` survives a restart of the evaluator's process, not a new evaluator.
        let running = self.rust.variables_home().map(|home| home.evaluator);
        if running.is_some() && lock(&self.state).polars_in == running {
            return Ok(());
        }
        io.stdout(&format!(
            "Adding polars {POLARS_VERSION} (features: {}) to the Rust cells. Its build comes from evcxr's build cache \
             (~/.cache/evcxr) when `fekernel install --prebuild-rust` or an earlier kernel made it; otherwise this \
             compiles Polars, once per machine: minutes, shown as it goes.\n",
            FEATURES.join(", ")
        ));
        let started = Instant::now();
        self.rust.execute(&dep_line(), io).map_err(|e| CellError::from(HandOverError::DependencyFailed(e.evalue)))?;
        io.stdout(&format!("polars {POLARS_VERSION} is ready in the Rust cells ({:.0} s).\n", started.elapsed().as_secs_f64()));
        lock(&self.state).polars_in = Some(self.rust.evaluator_number());
        Ok(())
    }
}

fn find_frame(control: &WorkerControl, name: &str) -> Result<FrameInfo, CellError> {
    let frames = control.frames().map_err(cell_error)?;
    let known: Vec<&str> = frames.iter().map(|f| f.name.as_str()).collect();
    let message = match known.as_slice() {
        [] => format!("there is no frame named `{name}`: no frames are loaded (use `%fe load PATH as {name}`)"),
        known => format!("there is no frame named `{name}`; loaded: {}", known.join(", ")),
    };
    frames.iter().find(|f| f.name == name).cloned().ok_or_else(|| CellError::new("UsageError", message))
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
