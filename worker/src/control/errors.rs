// The errors the kernel shows for worker commands: one variant per `ename` class, each message
// saying what happened and what is unchanged.

use crate::protocol::{CellDiagnostic, Failure, FailureClass};

/// Which limit a `ResourceLimit` broke.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LimitKind {
    Memory,
    Cpu,
    FileSize,
    /// A budget of the feature language (steps, loops, rows).
    CellBudget,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum WorkerError {
    #[error("{message}")]
    UsageError { message: String },
    #[error("{message}")]
    RejectedCode { message: String, rendered: Option<String>, diagnostics: Vec<CellDiagnostic> },
    #[error("{message}")]
    ExecutionError { message: String, rendered: Option<String>, diagnostics: Vec<CellDiagnostic> },
    #[error("{message}")]
    ResourceLimit { limit: LimitKind, message: String },
    #[error("{message}")]
    Timeout { message: String },
    #[error("{message}")]
    Interrupted { message: String },
    #[error("{message}")]
    WorkerCrashed { message: String },
}

impl WorkerError {
    /// The `ename` of the Jupyter error reply.
    pub fn ename(&self) -> &'static str {
        match self {
            WorkerError::UsageError { .. } => "UsageError",
            WorkerError::RejectedCode { .. } => "RejectedCode",
            WorkerError::ExecutionError { .. } => "ExecutionError",
            WorkerError::ResourceLimit { .. } => "ResourceLimit",
            WorkerError::Timeout { .. } => "Timeout",
            WorkerError::Interrupted { .. } => "Interrupted",
            WorkerError::WorkerCrashed { .. } => "WorkerCrashed",
        }
    }

    /// Diagnostics rendered under the source (for the traceback), when the cell had any.
    pub fn rendered(&self) -> Option<&str> {
        match self {
            WorkerError::RejectedCode { rendered, .. } | WorkerError::ExecutionError { rendered, .. } => {
                rendered.as_deref()
            }
            _ => None,
        }
    }

    pub fn usage(message: impl Into<String>) -> WorkerError {
        WorkerError::UsageError { message: message.into() }
    }

    /// The error for a failure the worker answered (it is still running).
    pub fn from_failure(failure: Failure) -> WorkerError {
        let Failure { class, message, rendered, diagnostics } = failure;
        match class {
            FailureClass::UsageError => WorkerError::UsageError { message },
            FailureClass::RejectedCode => WorkerError::RejectedCode { message, rendered, diagnostics },
            FailureClass::ExecutionError => WorkerError::ExecutionError { message, rendered, diagnostics },
            FailureClass::ResourceLimit => WorkerError::ResourceLimit { limit: LimitKind::CellBudget, message },
            FailureClass::Interrupted => WorkerError::Interrupted { message },
        }
    }

    /// Appends a sentence (what is unchanged, that the worker was restarted, …).
    pub fn with_note(mut self, note: &str) -> WorkerError {
        let message = match &mut self {
            WorkerError::UsageError { message }
            | WorkerError::RejectedCode { message, .. }
            | WorkerError::ExecutionError { message, .. }
            | WorkerError::ResourceLimit { message, .. }
            | WorkerError::Timeout { message }
            | WorkerError::Interrupted { message }
            | WorkerError::WorkerCrashed { message } => message,
        };
        if !note.is_empty() {
            message.push_str("; ");
            message.push_str(note);
        }
        self
    }
}
