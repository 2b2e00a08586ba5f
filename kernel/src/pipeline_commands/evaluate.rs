// `%fe evaluate NAME --target COL [--features a,b,…]`: the worker computes the statistics and the
// model comparison; this shows the ranked table, then a histogram per feature (the top ones
// unless the features were named).

use fe_worker::WorkerControl;

use super::arguments;
use super::Outcome;
use crate::display::{charts, code_spans, evaluation_table, text_and_html};
use crate::frame_commands::cell_error;
use crate::magics::MagicCall;
use crate::server::interpreter::{CellError, ExecuteOk};
use crate::server::publisher::CellIo;

/// Histograms drawn when no `--features` were named: the best-ranked ones.
const DEFAULT_HISTOGRAMS: usize = 8;

pub fn run(control: &WorkerControl, call: &MagicCall, io: &CellIo) -> Outcome {
    let arguments = arguments::evaluate(call)?;
    let named = arguments.features.is_some();
    let report = control.evaluate(&arguments.name, &arguments.target, arguments.features).map_err(cell_error)?;
    io.display(evaluation_table::evaluation_table(&report), None);
    let drawn = if named { report.features.len() } else { report.features.len().min(DEFAULT_HISTOGRAMS) };
    if drawn < report.features.len() {
        let note = histogram_note(drawn, report.features.len(), &arguments.name, &arguments.target);
        io.display(text_and_html(note.clone(), format!("<p>{}</p>", code_spans(&note))), None);
    }
    for feature in &report.features[..drawn] {
        let chart = charts::feature_histogram(feature).map_err(|e| CellError::new("ExecutionError", e.to_string()))?;
        io.display(chart, None);
    }
    Ok(ExecuteOk::default())
}

fn histogram_note(drawn: usize, ranked: usize, name: &str, target: &str) -> String {
    format!(
        "histograms of the top {drawn} of {ranked} ranked features; for others name them: \
         `%fe evaluate {name} --target {target} --features a,b`"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_note_says_how_many_were_drawn_and_how_to_ask_for_others() {
        let note = histogram_note(8, 17, "tx", "is_fraud");
        assert!(note.starts_with("histograms of the top 8 of 17 ranked features"), "{note}");
        assert!(note.contains("`%fe evaluate tx --target is_fraud --features a,b`"), "{note}");
    }
}
