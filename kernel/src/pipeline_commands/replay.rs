// `%fe replay NAME PATH [as NEW] [--recompute]`: the worker runs NAME's recorded steps on a new
// file (fitted by default: statistics learned on the data the steps were built on) as frame NEW.

use fe_worker::lineage::ReplayMode;
use fe_worker::WorkerControl;

use super::arguments;
use super::Outcome;
use crate::display::{code_spans, text_and_html};
use crate::frame_commands::cell_error;
use crate::magics::MagicCall;
use crate::server::interpreter::ExecuteOk;
use crate::server::publisher::CellIo;

pub fn run(control: &WorkerControl, call: &MagicCall, io: &CellIo) -> Outcome {
    let arguments = arguments::replay(call)?;
    let summary = control
        .replay(&arguments.name, &arguments.path, arguments.new_name.as_deref(), arguments.mode)
        .map_err(cell_error)?;
    let table = control.show(&summary.frame.name, 5).map_err(cell_error)?;
    let headline = format!(
        "replayed `{}` (version {}: {} {}) on {} as `{}`: {} rows × {} columns (version {})",
        summary.of,
        summary.of_version,
        summary.steps,
        if summary.steps == 1 { "step" } else { "steps" },
        arguments.path.display(),
        summary.frame.name,
        summary.frame.rows,
        summary.frame.columns,
        summary.frame.version,
    );
    let mode = mode_line(summary.mode, &summary.of);
    io.display(
        text_and_html(
            format!("{headline}\n{mode}\n{}", table.text),
            format!("<p>{}<br>{}</p>{}", code_spans(&headline), code_spans(&mode), table.html),
        ),
        None,
    );
    Ok(ExecuteOk::default())
}

/// What the mode means for the statistics in the steps, in one line.
fn mode_line(mode: ReplayMode, of: &str) -> String {
    match mode {
        ReplayMode::Fitted => format!(
            "fitted: every statistic (means, quantiles, counts, per-group values) was learned on `{of}` as each step \
             first ran, and applied to the new rows; add `--recompute` to learn them from the new data instead"
        ),
        ReplayMode::Recomputed => {
            "recomputed: every statistic was learned from the new data alone (as the exported script does)".to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mode_line_says_where_statistics_came_from() {
        assert!(mode_line(ReplayMode::Fitted, "tx").contains("learned on `tx`"));
        assert!(mode_line(ReplayMode::Recomputed, "tx").contains("from the new data alone"));
    }
}
