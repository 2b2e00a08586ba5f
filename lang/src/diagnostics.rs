// Diagnostics of the feature language: one value per problem (code, span, construct, message,
// hint, kind), and a renderer that draws a caret under the source with annotate-snippets.

use std::fmt;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// The class of a diagnostic; it maps onto the kernel's error classes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum DiagnosticKind {
    /// The code uses something outside the feature language (kernel: `RejectedCode`).
    Rejected,
    /// Polars or the interpreter failed while building the plan (kernel: `ExecutionError`).
    Execution,
    /// A budget was exceeded (kernel: `ResourceLimit`).
    ResourceLimit,
}

impl DiagnosticKind {
    /// The kernel's error class name for this kind.
    pub fn error_class(self) -> &'static str {
        match self {
            DiagnosticKind::Rejected => "RejectedCode",
            DiagnosticKind::Execution => "ExecutionError",
            DiagnosticKind::ResourceLimit => "ResourceLimit",
        }
    }
}

macro_rules! codes {
    ($( $variant:ident = $text:literal, $kind:ident, $title:literal; )*) => {
        /// Stable diagnostic codes. `FE1xx` refusals, `FE2xx` execution errors,
        /// `FE3xx` resource limits.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum Code { $( $variant, )* }

        impl Code {
            /// The code as printed, e.g. `"FE104"`.
            pub fn as_str(self) -> &'static str {
                match self { $( Code::$variant => $text, )* }
            }
            /// The kind every diagnostic with this code has.
            pub fn kind(self) -> DiagnosticKind {
                match self { $( Code::$variant => DiagnosticKind::$kind, )* }
            }
            /// A short title for the code (used in the language reference).
            pub fn title(self) -> &'static str {
                match self { $( Code::$variant => $title, )* }
            }
            /// Every code, in order.
            pub fn all() -> &'static [Code] {
                &[ $( Code::$variant, )* ]
            }
        }
    };
}

codes! {
    SyntaxError = "FE100", Rejected, "the cell is not valid Python";
    Import = "FE101", Rejected, "import of a module outside the feature language";
    PrivateAttribute = "FE102", Rejected, "attribute name starting with `_`";
    ForbiddenBuiltin = "FE103", Rejected, "builtin that reaches the interpreter or the system";
    Lambda = "FE104", Rejected, "lambda";
    PythonUdf = "FE105", Rejected, "function that runs Python per row or per batch";
    InputOutput = "FE106", Rejected, "file, network or database input/output";
    Url = "FE107", Rejected, "URL in a string";
    Sql = "FE108", Rejected, "SQL";
    ClassDef = "FE109", Rejected, "class definition";
    WhileLoop = "FE110", Rejected, "while loop";
    TryStatement = "FE111", Rejected, "try/except or raise";
    GlobalStatement = "FE112", Rejected, "global or nonlocal";
    Decorator = "FE113", Rejected, "decorator";
    WithStatement = "FE114", Rejected, "with statement";
    Generator = "FE115", Rejected, "yield, async or await";
    Recursion = "FE116", Rejected, "recursive function";
    StringFormatting = "FE117", Rejected, "str.format or % formatting";
    Delete = "FE118", Rejected, "del statement";
    Walrus = "FE119", Rejected, "assignment expression (:=)";
    RemovedName = "FE120", Rejected, "name removed from Python Polars 2.x";
    UnknownAttribute = "FE121", Rejected, "attribute or method not in the feature language";
    UnsupportedStatement = "FE122", Rejected, "statement outside the feature language";
    UnsupportedExpression = "FE123", Rejected, "expression outside the feature language";
    UnsupportedFunction = "FE124", Rejected, "function definition form outside the feature language";
    UnsupportedArgument = "FE125", Rejected, "argument value outside the feature language";
    NotOnThisType = "FE126", Rejected, "method not available on this kind of value";
    NotFittable = "FE127", Rejected, "construct without a fitted form in `%fe replay` (its default mode)";
    PolarsError = "FE201", Execution, "Polars error";
    NameError = "FE202", Execution, "name not defined";
    TypeError = "FE203", Execution, "wrong kind of value";
    ValueError = "FE204", Execution, "bad value";
    Deprecated = "FE205", Execution, "behaviour deprecated in Rust Polars and removed in Python Polars 2.x";
    StepBudget = "FE301", ResourceLimit, "evaluation step budget";
    LoopBudget = "FE302", ResourceLimit, "loop iteration budget";
    ListBudget = "FE303", ResourceLimit, "list size budget";
    CallDepth = "FE304", ResourceLimit, "call depth limit";
    RowBudget = "FE305", ResourceLimit, "row budget";
    NestingLimit = "FE306", ResourceLimit, "nesting limit";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in a cell.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    pub code: Code,
    /// What happened, in a sentence.
    pub message: String,
    /// The construct at fault as written (`map_elements`, `import os`, `while`, …).
    pub construct: String,
    /// 1-based start line and column (columns count characters).
    pub line: u32,
    pub column: u32,
    /// 1-based end line and column (exclusive column).
    pub end_line: u32,
    pub end_column: u32,
    /// The nearest allowed alternative.
    pub hint: Option<String>,
    pub kind: DiagnosticKind,
}

/// A span in 1-based line/column form (columns count characters; end is exclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Span {
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

impl Diagnostic {
    /// A diagnostic whose kind follows from its code.
    pub fn new(code: Code, span: Span, construct: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            message: message.into(),
            construct: construct.into(),
            line: span.line,
            column: span.column,
            end_line: span.end_line,
            end_column: span.end_column,
            hint: None,
            kind: code.kind(),
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn span(&self) -> Span {
        Span { line: self.line, column: self.column, end_line: self.end_line, end_column: self.end_column }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {} {}", self.line, self.column, self.code, self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
    }
}

/// All problems found in a cell (never empty when returned as an error).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn one(diagnostic: Diagnostic) -> Self {
        Diagnostics(vec![diagnostic])
    }

    /// The kind of the first diagnostic (the one that stopped the cell).
    pub fn kind(&self) -> DiagnosticKind {
        self.0.first().map(|d| d.kind).unwrap_or(DiagnosticKind::Execution)
    }

    /// Plain-text rendering with the source line and a caret under each span.
    pub fn render(&self, source: &str) -> String {
        self.render_from_line(source, 1)
    }

    /// As [`render`](Self::render), numbering the source's first line `first_line` (the code of
    /// a `%%fe apply` cell starts on the cell's second line).
    pub fn render_from_line(&self, source: &str, first_line: u32) -> String {
        let renderer = Renderer::plain();
        let mut out = String::new();
        for diagnostic in &self.0 {
            let range = byte_range(source, diagnostic.span());
            let title = format!("{} ({})", diagnostic.message, diagnostic.kind.error_class());
            let snippet = Snippet::source(source)
                .line_start(first_line as usize)
                .path("<cell>")
                .fold(true)
                .annotation(AnnotationKind::Primary.span(range).label(diagnostic.construct.as_str()));
            let mut report: Vec<Group<'_>> =
                vec![Level::ERROR.primary_title(title).id(diagnostic.code.as_str()).element(snippet)];
            if let Some(hint) = &diagnostic.hint {
                report.push(Group::with_title(Level::HELP.secondary_title(hint.as_str())));
            }
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&renderer.render(&report));
            out.push('\n');
        }
        out
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics::one(d)
    }
}

/// Byte range of a 1-based line/column span in `source` (clamped to the source).
fn byte_range(source: &str, span: Span) -> std::ops::Range<usize> {
    let start = byte_offset(source, span.line, span.column);
    let end = byte_offset(source, span.end_line, span.end_column).max(start);
    if end == start {
        // Show at least one character (or the end of the source).
        let next = source[start..].chars().next().map(|c| start + c.len_utf8()).unwrap_or(start);
        return start..next;
    }
    start..end
}

fn byte_offset(source: &str, line: u32, column: u32) -> usize {
    let mut offset = 0usize;
    for (index, text) in source.split_inclusive('\n').enumerate() {
        if index + 1 == line as usize {
            let mut col = 1u32;
            for (byte, ch) in text.char_indices() {
                if col == column || ch == '\n' {
                    return offset + byte;
                }
                col += 1;
            }
            return offset + text.len();
        }
        offset += text.len();
    }
    source.len()
}
