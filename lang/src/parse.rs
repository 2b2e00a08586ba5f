// Thin adapter over rustpython-parser: parse a cell into a statement list and turn byte
// ranges into 1-based line/column spans. The rest of the crate sees only this module's names.

use std::cell::RefCell;

pub(crate) use rustpython_parser::ast;
pub(crate) use rustpython_parser::ast::Ranged;
use rustpython_parser::source_code::RandomLocator;
use rustpython_parser::text_size::{TextRange, TextSize};
use rustpython_parser::Parse;

use crate::diagnostics::{Code, Diagnostic, Span};

/// A parsed cell plus what is needed to locate its nodes.
pub(crate) struct ParsedCell<'src> {
    pub suite: Vec<ast::Stmt>,
    pub locator: SourceMap<'src>,
}

/// Converts byte offsets of the cell into line/column spans.
pub(crate) struct SourceMap<'src> {
    locator: RefCell<RandomLocator<'src>>,
}

impl<'src> SourceMap<'src> {
    pub fn new(source: &'src str) -> Self {
        SourceMap { locator: RefCell::new(RandomLocator::new(source)) }
    }

    pub fn span(&self, range: TextRange) -> Span {
        let mut locator = self.locator.borrow_mut();
        let start = locator.locate(range.start());
        let end = locator.locate(range.end());
        Span {
            line: start.row.get() as u32,
            column: start.column.get() as u32,
            end_line: end.row.get() as u32,
            end_column: end.column.get() as u32,
        }
    }

    /// Span of `len` bytes from byte `offset` of the cell.
    pub fn of_bytes(&self, offset: usize, len: usize) -> Span {
        let start = TextSize::from(offset as u32);
        self.span(TextRange::new(start, start + TextSize::from(len as u32)))
    }

    /// Span of the node.
    pub fn of(&self, node: &impl Ranged) -> Span {
        self.span(node.range())
    }

    /// Span of the attribute name of `value.attr` (not the whole chain before it).
    pub fn of_attribute(&self, attribute: &ast::ExprAttribute) -> Span {
        let end = attribute.range.end();
        let len = TextSize::from(attribute.attr.as_str().len() as u32);
        let start = if end >= len { end - len } else { attribute.range.start() };
        self.span(TextRange::new(start, end))
    }
}

/// Parse a cell. A syntax error becomes an `FE100` diagnostic at the offending position.
pub(crate) fn parse_cell(source: &str) -> Result<ParsedCell<'_>, Diagnostic> {
    let locator = SourceMap::new(source);
    match ast::Suite::parse(source, "<cell>") {
        Ok(suite) => Ok(ParsedCell { suite, locator }),
        Err(error) => {
            let span = locator.span(TextRange::empty(error.offset));
            let detail = error.error.to_string();
            let hint = if detail.contains("f-string") {
                "f-strings may not reuse the outer quote or nest; use the other quote inside, or build the text with `+`"
            } else {
                "fix the syntax; the cell was not run"
            };
            Err(Diagnostic::new(Code::SyntaxError, span, "syntax", format!("invalid Python: {detail}")).with_hint(hint))
        }
    }
}

/// Integer value of a parsed literal, if it fits in 64 bits.
pub(crate) fn int_value(constant: &ast::Constant) -> Option<i64> {
    match constant {
        ast::Constant::Int(big) => big.to_string().parse::<i64>().ok(),
        _ => None,
    }
}
