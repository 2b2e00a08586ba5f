// Every way a Rust cell can fail, as the CellError the user sees: compile errors, panics,
// a dead evaluator process, interrupts and evcxr's own errors. Each says what was lost.

use super::compile_errors::{compile_error, CompileDiagnostic};
use super::panic_capture::CellPanic;
use crate::server::interpreter::CellError;

/// How an interrupted cell was stopped, which decides what was lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InterruptOutcome {
    /// evcxr was still starting: no Rust code had run.
    WhileStarting,
    /// The evaluator process was killed and restarted; definitions survive, variables do not.
    ProcessRestarted,
    /// The evaluator did not come back in time and was discarded.
    EvaluatorDiscarded,
}

pub fn interrupted(outcome: InterruptOutcome) -> CellError {
    let evalue = match outcome {
        InterruptOutcome::WhileStarting => {
            "Interrupted while the Rust evaluator was starting: no Rust code ran and nothing was lost. \
             It keeps starting in the background for the next Rust cell."
        }
        InterruptOutcome::ProcessRestarted => {
            "The Rust cell was stopped by killing the Rust evaluator process, so all Rust variables were lost \
             (functions, types and `:dep` dependencies are kept). Re-run the cells that create the variables you need."
        }
        InterruptOutcome::EvaluatorDiscarded => {
            "The Rust cell was stopped by killing the Rust evaluator, so all Rust variables, functions and types \
             were lost. A fresh Rust evaluator starts with the next Rust cell; re-run the cells you need."
        }
    };
    CellError::new("Interrupted", evalue)
}

pub fn panicked(panic: &CellPanic) -> CellError {
    let mut traceback = vec![format!("Panic: {}", panic.message)];
    if let Some(location) = &panic.location {
        traceback.push(format!("  at {location}"));
    }
    traceback.push(
        "Variables defined by earlier cells are unchanged; those this cell defined were not kept.".to_string(),
    );
    CellError::new("Panic", panic.message.clone()).with_traceback(traceback)
}

/// A failure reported by evcxr itself.
pub fn from_evcxr(error: &evcxr::Error, cell: &str) -> CellError {
    match error {
        evcxr::Error::CompilationErrors(errors) => {
            let relevant: Vec<&evcxr::CompilationError> = if errors.iter().any(|e| e.level() == "error") {
                errors.iter().filter(|e| e.level() == "error").collect()
            } else {
                errors.iter().collect()
            };
            let diagnostics: Vec<CompileDiagnostic> = relevant.into_iter().map(CompileDiagnostic::from_evcxr).collect();
            compile_error(&diagnostics, cell, true)
        }
        evcxr::Error::TypeRedefinedVariablesLost(variables) => CellError::new(
            "VariablesLost",
            format!(
                "A type was redefined, so variables holding the old type were lost: {}.",
                variables.join(", ")
            ),
        ),
        evcxr::Error::SubprocessTerminated(details) => process_died(details),
        evcxr::Error::Message(message) => CellError::new("EvaluationError", message.trim_end()),
    }
}

/// The evaluator process died on its own (e.g. `std::process::exit`, a segfault, out of memory).
pub fn process_died(details: &str) -> CellError {
    let evalue = "The Rust evaluator process died, so all Rust variables were lost; it has been restarted \
                  (functions and types are kept). Re-run the cells that create the variables you need.";
    let mut traceback = vec![format!("RustProcessDied: {evalue}")];
    traceback.extend(details.lines().filter(|l| !l.trim().is_empty()).map(str::to_string));
    CellError::new("RustProcessDied", evalue).with_traceback(traceback)
}

/// evcxr could not start (no toolchain, no disk space, …).
pub fn unavailable(reason: &str) -> CellError {
    CellError::new(
        "RustUnavailable",
        format!("The Rust evaluator (evcxr) could not start: {}", reason.trim_end()),
    )
}

/// `:quit` in evcxr exits the whole process: here that would be the kernel.
pub fn refused_quit() -> CellError {
    CellError::new(
        "UsageError",
        "`:quit` would stop the whole kernel. Use your front end's Restart or Shut Down instead.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interrupts_say_plainly_what_was_lost() {
        assert!(interrupted(InterruptOutcome::ProcessRestarted).evalue.contains("all Rust variables were lost"));
        assert!(interrupted(InterruptOutcome::EvaluatorDiscarded).evalue.contains("variables, functions and types"));
        assert!(interrupted(InterruptOutcome::WhileStarting).evalue.contains("nothing was lost"));
        assert_eq!(interrupted(InterruptOutcome::ProcessRestarted).ename, "Interrupted");
    }

    #[test]
    fn a_panic_is_an_error_with_its_message() {
        let error = panicked(&CellPanic { message: "index out of bounds".into(), location: None });
        assert_eq!(error.ename, "Panic");
        assert_eq!(error.evalue, "index out of bounds");
        assert_eq!(error.traceback[0], "Panic: index out of bounds");
    }

    #[test]
    fn a_dead_process_says_the_variables_were_lost() {
        let error = from_evcxr(&evcxr::Error::SubprocessTerminated("Subprocess terminated with status: signal: 9".into()), "");
        assert_eq!(error.ename, "RustProcessDied");
        assert!(error.evalue.contains("variables were lost"));
        assert!(error.traceback.iter().any(|l| l.contains("signal: 9")));
    }
}
