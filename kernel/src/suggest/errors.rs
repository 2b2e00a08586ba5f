// Why a suggestion failed, as the `LLMError` (or the worker's own class) a notebook shows:
// what happened, the checker's last messages where there are any, and that the frame is unchanged.

use fe_worker::WorkerError;

use super::repair_loop::LoopError;
use crate::frame_commands::cell_error;
use crate::llm::LlmError;
use crate::server::interpreter::CellError;

/// ANSI red for the error line of tracebacks.
const RED: &str = "\u{1b}[0;31m";
const RESET: &str = "\u{1b}[0m";

/// `unchanged`: e.g. "frame `tx` is unchanged (version 3)".
pub fn from_llm(error: &LlmError, unchanged: &str) -> CellError {
    let evalue = format!("{error}; {unchanged}");
    if matches!(error, LlmError::Interrupted { .. }) {
        return CellError::new("Interrupted", evalue);
    }
    llm_cell_error(evalue, Vec::new())
}

pub fn from_loop(error: LoopError, who: &str, unchanged: &str) -> CellError {
    match error {
        LoopError::Llm(error) => from_llm(&error, unchanged),
        LoopError::NoCode { answer, rounds } => {
            let excerpt = crate::llm::excerpt(&answer);
            llm_cell_error(
                format!(
                    "the answer of {who} holds no code after {} request{}; {unchanged}. It began: {excerpt}",
                    rounds.len(),
                    if rounds.len() == 1 { "" } else { "s" }
                ),
                Vec::new(),
            )
        }
        LoopError::StillRefused { problems, code, rounds } => {
            let repairs = rounds.len().saturating_sub(1);
            let first = problems.lines().next().unwrap_or("").trim_start_matches("- ");
            let mut detail = vec![String::new(), "The last code:".to_string()];
            detail.extend(code.lines().map(|l| format!("    {l}")));
            detail.push(String::new());
            detail.push("The checker's last messages:".into());
            detail.extend(problems.lines().map(str::to_string));
            llm_cell_error(
                format!(
                    "the code of {who} is still refused after {repairs} repair{} (max_repairs): {first}; {unchanged}",
                    if repairs == 1 { "" } else { "s" }
                ),
                detail,
            )
        }
        LoopError::Worker(error) => from_worker(error, unchanged),
    }
}

/// A worker failure keeps its class (`WorkerCrashed`, `Interrupted`, …).
pub fn from_worker(error: WorkerError, unchanged: &str) -> CellError {
    let already_says = error.to_string().contains("unchanged") || error.to_string().contains("still at version");
    let error = if already_says { error } else { error.with_note(unchanged) };
    cell_error(error)
}

fn llm_cell_error(evalue: String, detail: Vec<String>) -> CellError {
    let mut traceback = vec![format!("{RED}LLMError{RESET}: {evalue}")];
    traceback.extend(detail);
    CellError::new("LLMError", evalue).with_traceback(traceback)
}
