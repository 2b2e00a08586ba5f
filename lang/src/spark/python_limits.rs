// The limit of CPython's parser a generated script must stay under: 200 nested brackets
// ("too many nested parentheses"). A step whose PySpark code nests deeper is refused, not emitted.
// (Spark's own limit on an expression's depth is checked while translating, in `expressions`.)

use rustpython_parser::lexer::lex;
use rustpython_parser::{Mode, Tok};

use super::Refuse;

/// CPython's tokenizer fails at this many open brackets (`MAXLEVEL` in its tokenizer).
pub(crate) const PYTHON_MAX_NESTING: usize = 200;

/// The deepest bracket nesting of Python code (strings and comments do not count).
pub(crate) fn bracket_depth(code: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for token in lex(code, Mode::Module) {
        let Ok((tok, _)) = token else { break };
        match tok {
            Tok::Lpar | Tok::Lsqb | Tok::Lbrace => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            Tok::Rpar | Tok::Rsqb | Tok::Rbrace => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Refuses the step when one of its statements nests too deep for Python to parse.
pub(crate) fn check_lines(lines: &[String]) -> Result<(), Refuse> {
    let deepest = lines.iter().map(|line| bracket_depth(line)).max().unwrap_or(0);
    if deepest < PYTHON_MAX_NESTING {
        return Ok(());
    }
    Err(Refuse::new(
        "expression",
        format!("becomes PySpark code nested {deepest} brackets deep, and Python's parser stops at {PYTHON_MAX_NESTING}"),
        "split the expression over several `with_columns` steps (a long chain of calls becomes nested calls in PySpark)",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_in_strings_do_not_count() {
        assert_eq!(bracket_depth("F.col(\"((((\")"), 1);
        assert_eq!(bracket_depth("f(g([{1: 2}]))"), 4);
    }
}
