// The `%fe` commands that work on a frame's whole pipeline: `export` (its lineage as a Python
// Polars script), `replay` (its steps on new data) and `evaluate` (its features against a target).

mod arguments;
mod evaluate;
mod export;
mod pyspark_script;
mod python_script;
mod replay;
mod spark_check;
mod spark_export;

use std::sync::Arc;

use fe_worker::WorkerControl;

use crate::frame_commands::{cell_error, WorkerSession};
use crate::magics::{MagicCall, MagicHandler, MagicRegistry};
use crate::server::interpreter::{CellError, ExecuteOk};
use crate::server::publisher::CellIo;

type Outcome = Result<ExecuteOk, CellError>;

/// A command that needs the worker (started on first use).
struct PipelineCommand {
    session: Arc<WorkerSession>,
    run: fn(&WorkerControl, &MagicCall, &CellIo) -> Outcome,
}

impl MagicHandler for PipelineCommand {
    fn run(&self, call: &MagicCall, io: &CellIo) -> Outcome {
        let control = self.session.control().map_err(cell_error)?;
        (self.run)(&control, call, io)
    }

    /// Frame names for the first argument, from a worker that is running and idle.
    fn complete_argument(&self, previous: &[String], partial: &str) -> Vec<String> {
        let Some(control) = self.session.started().filter(|c| previous.is_empty() && !c.request_in_flight()) else {
            return Vec::new();
        };
        let mut names: Vec<String> =
            control.frames().map(|f| f.into_iter().map(|f| f.name).filter(|n| n.starts_with(partial)).collect()).unwrap_or_default();
        names.sort();
        names
    }
}

pub fn attach(registry: &mut MagicRegistry, session: Arc<WorkerSession>) {
    let commands: [(&str, fn(&WorkerControl, &MagicCall, &CellIo) -> Outcome); 3] =
        [("export", export::run), ("evaluate", evaluate::run), ("replay", replay::run)];
    for (name, run) in commands {
        let handler = PipelineCommand { session: session.clone(), run };
        registry.set_handler(name, Arc::new(handler)).expect("pipeline commands are documented");
    }
}
