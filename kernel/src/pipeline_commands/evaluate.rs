// `%fe evaluate NAME --target COL [--features a,b,…]`: the worker computes the statistics and the
// model comparison; this shows the ranked table, then one histogram per feature.

use fe_worker::WorkerControl;

use super::arguments;
use super::Outcome;
use crate::display::{charts, evaluation_table};
use crate::frame_commands::cell_error;
use crate::magics::MagicCall;
use crate::server::interpreter::{CellError, ExecuteOk};
use crate::server::publisher::CellIo;

pub fn run(control: &WorkerControl, call: &MagicCall, io: &CellIo) -> Outcome {
    let arguments = arguments::evaluate(call)?;
    let report = control.evaluate(&arguments.name, &arguments.target, arguments.features).map_err(cell_error)?;
    io.display(evaluation_table::evaluation_table(&report), None);
    for feature in &report.features {
        let chart = charts::feature_histogram(feature).map_err(|e| CellError::new("ExecutionError", e.to_string()))?;
        io.display(chart, None);
    }
    Ok(ExecuteOk::default())
}
