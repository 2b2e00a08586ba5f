// Compiler errors of a Rust cell as one `CompileError`: the first message as evalue, and each
// error drawn under the cell's own source (line:column within the cell) with annotate-snippets.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::server::interpreter::CellError;

/// A compiler error in cell coordinates, independent of evcxr's types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileDiagnostic {
    pub message: String,
    /// Like `E0425`.
    pub code: Option<String>,
    pub labels: Vec<SpanLabel>,
    /// Notes and help without a place in the cell.
    pub notes: Vec<String>,
}

/// A labelled range of the cell: 1-based lines, 1-based character columns, end exclusive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpanLabel {
    pub start_line: usize,
    pub start_column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub label: String,
    pub primary: bool,
}

impl CompileDiagnostic {
    pub fn from_evcxr(error: &evcxr::CompilationError) -> Self {
        let mut labels = Vec::new();
        let mut notes = Vec::new();
        let spanned = error.spanned_messages().iter().map(|m| (m, m.is_primary));
        let helps = error.help_spanned().iter().map(|m| (m, false));
        for (message, primary) in spanned.chain(helps) {
            match &message.span {
                Some(span) => labels.push(SpanLabel {
                    start_line: span.start_line,
                    start_column: span.start_column,
                    end_line: span.end_line,
                    end_column: span.end_column,
                    label: message.label.clone(),
                    primary,
                }),
                None if !message.label.is_empty() => notes.push(message.label.clone()),
                None => {}
            }
        }
        if !labels.iter().any(|l| l.primary) {
            if let Some(first) = labels.first_mut() {
                first.primary = true;
            }
        }
        if let Some(hint) = error.evcxr_extra_hint() {
            notes.push(format!("help: {hint}"));
        }
        CompileDiagnostic { message: error.message(), code: error.code().map(str::to_string), labels, notes }
    }
}

/// One `CompileError` for all the errors of a cell.
pub fn compile_error(diagnostics: &[CompileDiagnostic], cell: &str, styled: bool) -> CellError {
    let evalue = diagnostics
        .first()
        .map(|d| d.message.clone())
        .unwrap_or_else(|| "the cell did not compile".to_string());
    let renderer = if styled { Renderer::styled() } else { Renderer::plain() };
    let traceback = diagnostics.iter().map(|d| render(d, cell, &renderer)).collect::<Vec<_>>();
    let traceback = if traceback.is_empty() { vec![format!("error: {evalue}")] } else { traceback };
    CellError::new("CompileError", evalue).with_traceback(traceback)
}

fn render(diagnostic: &CompileDiagnostic, cell: &str, renderer: &Renderer) -> String {
    let mut title = Level::ERROR.primary_title(diagnostic.message.as_str());
    if let Some(code) = &diagnostic.code {
        title = title.id(code.as_str());
    }
    let mut group = Group::with_title(title);
    if !diagnostic.labels.is_empty() {
        let annotations = diagnostic.labels.iter().map(|label| {
            let kind = if label.primary { AnnotationKind::Primary } else { AnnotationKind::Context };
            let range = byte_offset(cell, label.start_line, label.start_column)
                ..byte_offset(cell, label.end_line, label.end_column);
            kind.span(range).label(label.label.as_str())
        });
        group = group.element(Snippet::source(cell).line_start(1).path("<cell>").fold(true).annotations(annotations));
    }
    for note in &diagnostic.notes {
        let (level, text) = match note.strip_prefix("help: ") {
            Some(text) => (Level::HELP, text),
            None => (Level::NOTE, note.strip_prefix("note: ").unwrap_or(note)),
        };
        group = group.element(level.message(text));
    }
    renderer.render(&[group])
}

/// Byte offset of 1-based (line, character column) in `text`, clamped to the text.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (index, line_text) in text.split('\n').enumerate() {
        if index + 1 == line {
            let within = line_text.char_indices().nth(column.saturating_sub(1)).map_or(line_text.len(), |(i, _)| i);
            return offset + within;
        }
        offset += line_text.len() + 1;
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn not_found(line: usize, column: usize, width: usize) -> CompileDiagnostic {
        CompileDiagnostic {
            message: "cannot find value `y` in this scope".into(),
            code: Some("E0425".into()),
            labels: vec![SpanLabel {
                start_line: line,
                start_column: column,
                end_line: line,
                end_column: column + width,
                label: "not found in this scope".into(),
                primary: true,
            }],
            notes: vec!["help: a local variable with a similar name exists: `x`".into()],
        }
    }

    #[test]
    fn one_compile_error_with_the_first_message_and_the_span_in_the_cell() {
        let cell = "let x = 1;\nlet z = y + 1;";
        let error = compile_error(&[not_found(2, 9, 1)], cell, false);
        assert_eq!(error.ename, "CompileError");
        assert_eq!(error.evalue, "cannot find value `y` in this scope");
        assert_eq!(error.traceback.len(), 1);
        let rendered = &error.traceback[0];
        assert!(rendered.contains("error[E0425]: cannot find value `y` in this scope"), "{rendered}");
        assert!(rendered.contains("<cell>:2:9"), "{rendered}");
        assert!(rendered.contains("let z = y + 1;"), "{rendered}");
        assert!(rendered.contains("not found in this scope"), "{rendered}");
        assert!(rendered.contains("help: a local variable with a similar name exists"), "{rendered}");
    }

    #[test]
    fn every_error_is_rendered_but_the_first_names_the_cell_error() {
        let cell = "let a = p;\nlet b = q;";
        let mut second = not_found(2, 9, 1);
        second.message = "cannot find value `q` in this scope".into();
        let error = compile_error(&[not_found(1, 9, 1), second], cell, false);
        assert_eq!(error.evalue, "cannot find value `y` in this scope");
        assert_eq!(error.traceback.len(), 2);
        assert!(error.traceback[1].contains("<cell>:2:9"));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        // rustc counts columns in characters: `y` is the 22nd character but starts at byte 22.
        let cell = "let s = \"é\"; let t = y;";
        assert_eq!(byte_offset(cell, 1, 22), cell.find("y;").unwrap());
        let error = compile_error(&[not_found(1, 22, 1)], cell, false);
        assert!(error.traceback[0].contains("<cell>:1:22"), "{}", error.traceback[0]);
    }

    #[test]
    fn errors_without_a_span_still_say_what_failed() {
        let diagnostic = CompileDiagnostic {
            message: "failed to select a version for `nosuchcrate`".into(),
            code: None,
            labels: vec![],
            notes: vec![],
        };
        let error = compile_error(&[diagnostic], ":dep nosuchcrate = \"1\"", false);
        assert!(error.traceback[0].contains("error: failed to select a version"), "{}", error.traceback[0]);
    }
}
