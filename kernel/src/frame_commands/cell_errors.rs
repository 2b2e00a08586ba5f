// Worker failures as Jupyter errors: the `ename` class of DESIGN.md, a message that says what is
// unchanged, and for feature code the diagnostics drawn under the source in the traceback.

use fe_worker::WorkerError;

use crate::server::interpreter::CellError;

/// ANSI red for the error line of tracebacks (front ends render ANSI colour in tracebacks).
const RED: &str = "\u{1b}[0;31m";
const RESET: &str = "\u{1b}[0m";

pub fn cell_error(error: WorkerError) -> CellError {
    let ename = error.ename();
    let evalue = error.to_string();
    let mut traceback = vec![format!("{RED}{ename}{RESET}: {evalue}")];
    if let Some(rendered) = error.rendered() {
        traceback.push(String::new());
        traceback.extend(rendered.trim_end().lines().map(str::to_string));
    }
    CellError::new(ename, evalue).with_traceback(traceback)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejected_code_shows_its_diagnostics_under_the_message() {
        let error = WorkerError::RejectedCode {
            message: "`eval` is not allowed; frame `tx` is still at version 1".into(),
            rendered: Some("error[FE103]: `eval` is not allowed\n --> <cell>:1:1\n".into()),
            diagnostics: Vec::new(),
        };
        let cell = cell_error(error);
        assert_eq!(cell.ename, "RejectedCode");
        assert!(cell.evalue.ends_with("still at version 1"));
        assert!(cell.traceback[0].contains("RejectedCode"));
        assert_eq!(cell.traceback[2], "error[FE103]: `eval` is not allowed");
    }

    #[test]
    fn other_failures_keep_their_class() {
        let cell = cell_error(WorkerError::Timeout { message: "stopped after 5 s".into() });
        assert_eq!((cell.ename.as_str(), cell.traceback.len()), ("Timeout", 1));
    }
}
