// The interface between the Jupyter server and whatever runs cells (xeus-style).
// The server owns ordering, busy/idle, counting and history; an Interpreter only answers.

use serde_json::{Map, Value};

use super::publisher::CellIo;

/// A MIME bundle: `{"text/plain": "...", "text/html": "...", ...}`.
pub type MimeBundle = Map<String, Value>;

/// What an execute request asks for, as the interpreter sees it. The server owns the rest:
/// silence (outputs go nowhere), history, stdin (`CellIo::input`) and the count (`CellIo`).
#[derive(Debug, Clone)]
pub struct ExecuteRequest {
    pub code: String,
}

/// A successful cell: optional payloads (e.g. `set_next_input`) for the reply.
#[derive(Debug, Clone, Default)]
pub struct ExecuteOk {
    pub payload: Vec<Value>,
}

/// A failed cell. The server publishes it once as an `error` output and in the reply.
#[derive(Debug, Clone, PartialEq)]
pub struct CellError {
    /// The error class, e.g. `UsageError`, `CompileError`, `Panic`, `RejectedCode`.
    pub ename: String,
    /// What happened and what is unchanged, in one or two sentences.
    pub evalue: String,
    /// Lines shown by the front end; may carry ANSI colour.
    pub traceback: Vec<String>,
}

impl CellError {
    pub fn new(ename: impl Into<String>, evalue: impl Into<String>) -> Self {
        let ename = ename.into();
        let evalue = evalue.into();
        let traceback = vec![format!("{ename}: {evalue}")];
        CellError { ename, evalue, traceback }
    }

    pub fn with_traceback(mut self, traceback: Vec<String>) -> Self {
        self.traceback = traceback;
        self
    }
}

/// Answer to `complete_request`.
#[derive(Debug, Clone, Default)]
pub struct Completion {
    pub matches: Vec<String>,
    pub cursor_start: usize,
    pub cursor_end: usize,
}

/// Answer to `is_complete_request`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Completeness {
    Complete,
    /// More input is needed; the string is the indent for the next line.
    Incomplete(String),
    Invalid,
    Unknown,
}

/// Static facts for `kernel_info_reply`.
#[derive(Debug, Clone)]
pub struct LanguageInfo {
    pub name: String,
    pub version: String,
    pub mimetype: String,
    pub file_extension: String,
    pub pygments_lexer: String,
    pub codemirror_mode: String,
}

/// Runs cells. Called from one execution thread at a time, except `interrupt`,
/// which the control channel calls while `execute` may be running.
pub trait Interpreter: Send + Sync {
    fn language_info(&self) -> LanguageInfo;
    /// Shown in `kernel_info_reply.banner`.
    fn banner(&self) -> String;
    fn execute(&self, request: &ExecuteRequest, io: &CellIo) -> Result<ExecuteOk, CellError>;
    fn complete(&self, code: &str, cursor_pos: usize) -> Completion;
    /// Rich help for the name at the cursor, if any.
    fn inspect(&self, code: &str, cursor_pos: usize, detail_level: u8) -> Option<MimeBundle>;
    fn is_complete(&self, code: &str) -> Completeness;
    /// Stop the running cell as soon as possible. Must not block on `execute`.
    fn interrupt(&self);
    /// The kernel is shutting down (or restarting): release child processes and session state.
    fn shutdown(&self, restart: bool);
}
