// Errors raised while interpreting: a diagnostic still waiting for its span, which the
// statement or call that caused it fills in on the way out.

use polars::prelude::PolarsError;

use crate::diagnostics::{Code, Diagnostic, Span};

/// An interpreter error: what happened (`message`), the nearest allowed alternative (`hint`),
/// and where (`span`, filled in by the innermost node that knows it).
#[derive(Debug, thiserror::Error)]
#[error("{code}: {message}")]
pub(crate) struct Fail {
    pub code: Code,
    pub message: String,
    pub hint: Option<String>,
    pub construct: Option<String>,
    pub span: Option<Span>,
}

pub(crate) type Result<T> = std::result::Result<T, Fail>;

impl Fail {
    pub fn new(code: Code, message: impl Into<String>) -> Fail {
        Fail { code, message: message.into(), hint: None, construct: None, span: None }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Fail {
        self.hint = Some(hint.into());
        self
    }

    pub fn construct(mut self, construct: impl Into<String>) -> Fail {
        if self.construct.is_none() {
            self.construct = Some(construct.into());
        }
        self
    }

    /// Attach the span (and construct) of the innermost node that knows it.
    pub fn at(mut self, span: Span, construct: &str) -> Fail {
        if self.span.is_none() {
            self.span = Some(span);
            if self.construct.is_none() {
                self.construct = Some(construct.to_string());
            }
        }
        self
    }

    pub fn into_diagnostic(self) -> Diagnostic {
        let span = self.span.unwrap_or(Span { line: 1, column: 1, end_line: 1, end_column: 1 });
        let mut d = Diagnostic::new(self.code, span, self.construct.unwrap_or_default(), self.message);
        d.hint = self.hint;
        d
    }

    pub fn type_error(message: impl Into<String>) -> Fail {
        Fail::new(Code::TypeError, message)
    }

    pub fn value_error(message: impl Into<String>) -> Fail {
        Fail::new(Code::ValueError, message)
    }
}

impl From<PolarsError> for Fail {
    fn from(error: PolarsError) -> Fail {
        let text = error.to_string();
        let hint = if text.contains("not found") {
            "check the column name (`df.columns` lists them); a bare string is a column name except in `+`, comparisons, fill_null, replace and str.* arguments — use `pl.lit(\"…\")` for text"
        } else if text.contains("cast") || text.contains("conversion") {
            "cast is strict as in Python; use `.cast(dtype, strict=False)` to turn failures into nulls"
        } else {
            "the frame is unchanged; fix the expression at this position"
        };
        Fail::new(Code::PolarsError, format!("Polars: {text}")).hint(hint)
    }
}
