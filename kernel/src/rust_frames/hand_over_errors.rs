// What can go wrong handing a frame between the worker and the Rust cells, each as a message
// that says what to do; the frame store is never touched by a failed hand-over.

use super::polars_in_cells::POLARS_VERSION;
use crate::server::interpreter::CellError;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum HandOverError {
    #[error("`{0}` cannot be a Rust variable: use letters, digits and `_`, not starting with a digit, and not a Rust keyword (e.g. `as tx_frame`)")]
    BadVariableName(String),
    #[error("no Rust cell has run in this kernel yet, so there is no variable `{0}`: create it in a Rust cell (or with `%fe to-rust`) first")]
    NoRustContext(String),
    #[error("there is no variable `{variable}` in the Rust cells{}", if *.lost { " any more: the Rust evaluator was restarted (after an interrupt or a crash) since it was made, and its variables were lost; run `%fe to-rust` or the cell that makes it again" } else { "" })]
    UnknownVariable { variable: String, lost: bool },
    #[error("`{variable}` is not a polars DataFrame{}; `%fe from-rust` takes a `polars::prelude::DataFrame`", found_note(.found))]
    NotADataFrame { variable: String, found: Option<String> },
    #[error("`{variable}` is a DataFrame of another polars version; frames are handed over with polars {POLARS_VERSION}: add it with `:dep polars = \"={POLARS_VERSION}\"` (or use `%fe to-rust`) and build the frame again")]
    VersionMismatch { variable: String },
    #[error("the Rust cells have no polars dependency, so `{0}` cannot be a polars DataFrame: start from a frame with `%fe to-rust NAME`, or add `:dep polars = \"={POLARS_VERSION}\"`")]
    NoPolars(String),
    #[error("adding polars {POLARS_VERSION} to the Rust cells failed: {0}")]
    DependencyFailed(String),
    #[error("the Rust cell that {action} failed: {message}")]
    CellFailed { action: &'static str, message: String },
}

fn found_note(found: &Option<String>) -> String {
    found.as_ref().map(|f| format!(" (it is a `{f}`)")).unwrap_or_default()
}

impl HandOverError {
    /// Reads the failure of the generated cell that used `variable`.
    pub fn from_cell(error: &CellError, variable: &str, action: &'static str, lost: bool) -> HandOverError {
        let all = format!("{}\n{}", error.evalue, error.traceback.join("\n"));
        if error.ename != "CompileError" {
            return HandOverError::CellFailed { action, message: error.evalue.clone() };
        }
        if all.contains(&format!("cannot find value `{variable}`")) {
            return HandOverError::UnknownVariable { variable: variable.to_string(), lost };
        }
        let mentions_polars_crate = all.contains("`polars`") && (all.contains("unresolved") || all.contains("undeclared"));
        if mentions_polars_crate {
            return HandOverError::NoPolars(variable.to_string());
        }
        if all.contains("mismatched types") {
            if all.contains("different versions of crate") || all.contains("two different versions") {
                return HandOverError::VersionMismatch { variable: variable.to_string() };
            }
            return HandOverError::NotADataFrame { variable: variable.to_string(), found: found_type(&all) };
        }
        HandOverError::CellFailed { action, message: error.evalue.clone() }
    }

    pub fn ename(&self) -> &'static str {
        match self {
            HandOverError::DependencyFailed(_) | HandOverError::CellFailed { .. } => "ExecutionError",
            _ => "UsageError",
        }
    }
}

/// `found `&i32`` in a compiler note, without the reference.
fn found_type(text: &str) -> Option<String> {
    let start = text.find("found `")? + "found `".len();
    let end = text[start..].find('`')? + start;
    Some(text[start..end].trim_start_matches('&').to_string())
}

impl From<HandOverError> for CellError {
    fn from(error: HandOverError) -> Self {
        CellError::new(error.ename(), error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compile_error(evalue: &str, detail: &str) -> CellError {
        CellError::new("CompileError", evalue).with_traceback(vec![format!("error[E0308]: {evalue}\n{detail}")])
    }

    #[test]
    fn compiler_messages_become_hand_over_errors() {
        let missing = compile_error("cannot find value `feats` in this scope", "");
        assert_eq!(
            HandOverError::from_cell(&missing, "feats", "writes it", true),
            HandOverError::UnknownVariable { variable: "feats".into(), lost: true }
        );
        let wrong = compile_error("mismatched types", "expected `&DataFrame`, found `&i32`");
        let error = HandOverError::from_cell(&wrong, "n", "writes it", false);
        assert_eq!(error, HandOverError::NotADataFrame { variable: "n".into(), found: Some("i32".into()) });
        assert!(error.to_string().contains("`n` is not a polars DataFrame (it is a `i32`)"));
        let versions = compile_error(
            "mismatched types",
            "note: perhaps two different versions of crate `polars_core` are being used?",
        );
        assert_eq!(HandOverError::from_cell(&versions, "df", "writes it", false).ename(), "UsageError");
        assert!(matches!(HandOverError::from_cell(&versions, "df", "writes it", false), HandOverError::VersionMismatch { .. }));
        let no_polars = compile_error("failed to resolve: use of unresolved module or unlinked crate `polars`", "");
        assert!(matches!(HandOverError::from_cell(&no_polars, "df", "writes it", false), HandOverError::NoPolars(_)));
    }

    #[test]
    fn runtime_failures_keep_their_message() {
        let panic = CellError::new("Panic", "the staged file can be created: Permission denied");
        let error = HandOverError::from_cell(&panic, "df", "writes it", false);
        assert_eq!(error.ename(), "ExecutionError");
        assert!(error.to_string().contains("Permission denied"));
    }

    #[test]
    fn a_lost_variable_says_why() {
        let lost = HandOverError::UnknownVariable { variable: "tx".into(), lost: true };
        assert!(lost.to_string().contains("restarted"));
        let never = HandOverError::UnknownVariable { variable: "tx".into(), lost: false };
        assert_eq!(never.to_string(), "there is no variable `tx` in the Rust cells");
    }
}
