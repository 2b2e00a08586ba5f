// The kernel's interpreter: routes `%fe`/`%%fe` cells to the magic registry and all
// other cells to the Rust (evcxr) bridge.


use std::sync::{Arc, OnceLock};

use crate::frame_commands::{self, Settings, WorkerSession};
use crate::magics::{self, MagicRegistry};
use crate::rust_cells::{self, RustCells};
use crate::rust_frames;
use crate::server::interpreter::{
    CellError, Completeness, Completion, ExecuteOk, ExecuteRequest, Interpreter, LanguageInfo, MimeBundle,
};
use crate::server::publisher::CellIo;
use crate::suggest::{self, LlmSession};

/// Which handler a cell belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    Magic,
    Rust,
}

impl CellKind {
    /// A cell whose first non-blank line starts with `%fe` or `%%fe` is a magic cell.
    pub fn of(code: &str) -> Self {
        if magics::is_magic_cell(code) {
            CellKind::Magic
        } else {
            CellKind::Rust
        }
    }
}

pub struct FeInterpreter {
    magics: MagicRegistry,
    rust: Arc<RustCells>,
    worker: Arc<WorkerSession>,
    llm: Arc<LlmSession>,
    search: Arc<crate::search::SearchInterrupt>,
    rustc_version: Arc<OnceLock<String>>,
}

impl FeInterpreter {
    /// Cheap: evcxr starts with the first Rust cell and the worker with the first frame command.
    /// `rustc --version` is asked in the background.
    pub fn new() -> Arc<Self> {
        let worker = Arc::new(WorkerSession::new());
        let llm = Arc::new(LlmSession::from_environment());
        let settings = Arc::new(Settings::new(worker.clone(), llm.clone()));
        let rust = Arc::new(RustCells::new());
        let mut magics = MagicRegistry::with_catalog();
        frame_commands::attach(&mut magics, worker.clone(), settings);
        suggest::attach(&mut magics, worker.clone(), llm.clone());
        let search = Arc::new(crate::search::SearchInterrupt::default());
        crate::search::attach(&mut magics, worker.clone(), llm.clone(), search.clone());
        rust_frames::attach(&mut magics, worker.clone(), rust.clone());
        crate::pipeline_commands::attach(&mut magics, worker.clone());
        Self::with_registry(magics, worker, llm, rust, search)
    }

    /// With a registry whose commands already have their handlers attached.
    fn with_registry(
        magics: MagicRegistry,
        worker: Arc<WorkerSession>,
        llm: Arc<LlmSession>,
        rust: Arc<RustCells>,
        search: Arc<crate::search::SearchInterrupt>,
    ) -> Arc<Self> {
        let rustc_version = Arc::new(OnceLock::new());
        let warm = rustc_version.clone();
        // Ready long before a client asks; `language_info` waits for it if not.
        let _ = std::thread::Builder::new().name("rustc-version".into()).spawn(move || {
            warm.get_or_init(ask_rustc_version);
        });
        Arc::new(FeInterpreter { magics, rust, worker, llm, search, rustc_version })
    }
}

impl Interpreter for FeInterpreter {
    fn language_info(&self) -> LanguageInfo {
        LanguageInfo {
            name: "rust".into(),
            version: self.rustc_version.get_or_init(ask_rustc_version).clone(),
            mimetype: "text/rust".into(),
            file_extension: ".rs".into(),
            pygments_lexer: "rust".into(),
            codemirror_mode: "rust".into(),
        }
    }

    fn banner(&self) -> String {
        format!(
            "fekernel {}: Rust cells (evcxr) and LLM-assisted feature engineering on Polars frames.\n\
             Run `%fe help` for the magic commands.",
            env!("CARGO_PKG_VERSION")
        )
    }

    fn execute(&self, request: &ExecuteRequest, io: &CellIo) -> Result<ExecuteOk, CellError> {
        match CellKind::of(&request.code) {
            CellKind::Magic => {
                let outcome = self.magics.execute(&request.code, io);
                // What the worker had to say beside the command (a checkpoint it could not
                // write, a restart it recovered from), before the cell's reply.
                if let Some(control) = self.worker.started() {
                    for notice in control.take_notices() {
                        io.stderr(&format!("fekernel: {notice}\n"));
                    }
                }
                outcome
            }
            CellKind::Rust => self.rust.execute(&request.code, io),
        }
    }

    /// `cursor_pos` and the returned offsets count Unicode code points (protocol 5.2+).
    fn complete(&self, code: &str, cursor_pos: usize) -> Completion {
        let cursor = byte_offset(code, cursor_pos);
        let completion = if magics::wants_completion(code) {
            magics::complete(&self.magics, code, cursor)
        } else {
            match self.rust.complete(code, cursor) {
                Some(found) => Completion { matches: found.matches, cursor_start: found.start, cursor_end: found.end },
                None => Completion { matches: Vec::new(), cursor_start: cursor, cursor_end: cursor },
            }
        };
        Completion {
            cursor_start: char_offset(code, completion.cursor_start),
            cursor_end: char_offset(code, completion.cursor_end),
            ..completion
        }
    }

    fn inspect(&self, code: &str, cursor_pos: usize, _detail_level: u8) -> Option<MimeBundle> {
        if CellKind::of(code) == CellKind::Magic || magics::wants_completion(code) {
            let text = magics::inspect(&self.magics, code, byte_offset(code, cursor_pos))?;
            let mut bundle = MimeBundle::new();
            bundle.insert("text/plain".into(), text.into());
            return Some(bundle);
        }
        let cursor = end_of_identifier(code, byte_offset(code, cursor_pos));
        let (plain, html) = self.rust.inspect(code, cursor)?;
        Some(crate::display::text_and_html(plain, html))
    }

    fn is_complete(&self, code: &str) -> Completeness {
        match CellKind::of(code) {
            CellKind::Magic => magics::is_complete(&self.magics, code),
            CellKind::Rust => rust_cells::is_complete(code),
        }
    }

    fn interrupt(&self) {
        // Only one cell runs at a time: whichever is busy (worker, LLM call, Rust) stops; a
        // running search also stops before its next step.
        let searching = self.search.raise();
        if !self.worker.interrupt() && !self.llm.interrupt() && !searching {
            self.rust.interrupt();
        }
    }

    fn shutdown(&self, _restart: bool) {
        self.worker.shutdown();
        self.rust.shutdown();
    }
}

/// `rustc --version` → `1.95.0`, or `unknown` without a toolchain.
fn ask_rustc_version() -> String {
    std::process::Command::new("rustc")
        .arg("--version")
        .output()
        .ok()
        .filter(|output| output.status.success())
        .and_then(|output| parse_rustc_version(&String::from_utf8_lossy(&output.stdout)))
        .unwrap_or_else(|| "unknown".into())
}

fn parse_rustc_version(output: &str) -> Option<String> {
    output.split_whitespace().nth(1).map(str::to_string)
}

/// Byte offset of the `chars`-th code point (clamped to the end).
fn byte_offset(text: &str, chars: usize) -> usize {
    text.char_indices().nth(chars).map_or(text.len(), |(i, _)| i)
}

/// Number of code points before byte offset `bytes`.
fn char_offset(text: &str, bytes: usize) -> usize {
    text.char_indices().take_while(|(i, _)| *i < bytes).count()
}

/// Inspection looks at the name ending at the cursor: move a cursor inside a name to its end.
fn end_of_identifier(text: &str, mut bytes: usize) -> usize {
    while let Some(c) = text[bytes..].chars().next() {
        if !(c == '_' || c.is_alphanumeric()) {
            break;
        }
        bytes += c.len_utf8();
    }
    bytes
}

#[cfg(test)]
pub(crate) mod test_io {
    // A CellIo whose published messages a test can read back.

    use std::sync::Arc;

    use serde_json::Value;
    use tokio::sync::mpsc;

    use crate::server::publisher::{CellIo, Outgoing};

    pub(crate) fn recording_io() -> (CellIo, mpsc::UnboundedReceiver<Outgoing>) {
        let (sender, receiver) = mpsc::unbounded_channel();
        (CellIo::new(sender, None, Arc::new(Value::Null), Vec::new(), 1), receiver)
    }

    pub(crate) fn drain(receiver: &mut mpsc::UnboundedReceiver<Outgoing>) -> Vec<Outgoing> {
        let mut out = Vec::new();
        while let Ok(message) = receiver.try_recv() {
            out.push(message);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::test_io::{drain, recording_io};
    use super::*;

    fn request(code: &str) -> ExecuteRequest {
        ExecuteRequest { code: code.into() }
    }

    #[test]
    fn cells_route_by_their_first_non_blank_line() {
        assert_eq!(CellKind::of("%fe help"), CellKind::Magic);
        assert_eq!(CellKind::of("\n  %%fe apply tx\ndf = df"), CellKind::Magic);
        assert_eq!(CellKind::of("let x = 5 % 3;"), CellKind::Rust);
        assert_eq!(CellKind::of("println!(\"%fe\");"), CellKind::Rust);
        assert_eq!(CellKind::of(":dep regex"), CellKind::Rust);
    }

    #[test]
    fn magic_cells_run_without_starting_evcxr() {
        let interpreter = FeInterpreter::new();
        let (io, mut outputs) = recording_io();
        interpreter.execute(&request("%fe help"), &io).unwrap();
        let messages = drain(&mut outputs);
        assert_eq!(messages.len(), 1);
        assert_eq!(messages[0].msg_type, "display_data");
        let error = interpreter.execute(&request("%fe lod x.csv"), &io).unwrap_err();
        assert_eq!(error.ename, "UsageError");
    }

    #[test]
    fn is_complete_routes_to_magics_and_rust() {
        let interpreter = FeInterpreter::new();
        assert_eq!(interpreter.is_complete("%fe help"), Completeness::Complete);
        assert_eq!(interpreter.is_complete("%%fe apply tx"), Completeness::Incomplete(String::new()));
        assert_eq!(interpreter.is_complete("fn f() {"), Completeness::Incomplete("    ".into()));
        assert_eq!(interpreter.is_complete("}"), Completeness::Invalid);
    }

    #[test]
    fn completion_before_evcxr_starts_returns_no_matches() {
        let interpreter = FeInterpreter::new();
        let completion = interpreter.complete("let v = Vec::ne", 15);
        assert!(completion.matches.is_empty());
        assert_eq!((completion.cursor_start, completion.cursor_end), (15, 15));
    }

    #[test]
    fn magic_completion_offsets_count_code_points() {
        let interpreter = FeInterpreter::new();
        // "é" is two bytes; the protocol counts it as one position.
        let code = "%fe help\n%fe sché";
        let completion = interpreter.complete("%fe sc", 6);
        assert_eq!(completion.matches, vec!["schema"]);
        assert_eq!((completion.cursor_start, completion.cursor_end), (4, 6));
        let completion = interpreter.complete(code, code.chars().count());
        assert!(completion.matches.is_empty());
        assert_eq!(completion.cursor_end, code.chars().count());
    }

    #[test]
    fn interrupt_without_a_running_cell_does_nothing() {
        let interpreter = FeInterpreter::new();
        interpreter.interrupt();
        let (io, mut outputs) = recording_io();
        interpreter.execute(&request("%fe help"), &io).unwrap();
        assert_eq!(drain(&mut outputs).len(), 1);
    }

    #[test]
    fn language_info_describes_rust() {
        let info = FeInterpreter::new().language_info();
        assert_eq!(info.name, "rust");
        assert_eq!(info.file_extension, ".rs");
        assert_eq!(info.mimetype, "text/rust");
        assert_eq!(parse_rustc_version("rustc 1.95.0 (59807616e 2026-04-14)\n").as_deref(), Some("1.95.0"));
    }

    #[test]
    fn offsets_convert_between_code_points_and_bytes() {
        let text = "aé€b";
        assert_eq!(byte_offset(text, 2), 3);
        assert_eq!(char_offset(text, 3), 2);
        assert_eq!(byte_offset(text, 99), text.len());
        assert_eq!(end_of_identifier("Vec::new()", 6), 8);
    }
}
