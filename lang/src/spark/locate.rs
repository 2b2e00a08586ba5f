// Finds where a refused construct is in the step's source: the first `.name` (or bare `name`)
// token of the cell, with rustpython's lexer, so strings and comments never match.

use rustpython_parser::lexer::lex;
use rustpython_parser::source_code::RandomLocator;
use rustpython_parser::{Mode, Tok};

use super::{Refuse, SparkRefusal};

pub(crate) fn refusal(code: &str, refuse: Refuse) -> SparkRefusal {
    let (line, column) = position(code, &refuse.construct).unwrap_or((1, 1));
    SparkRefusal { line, column, construct: refuse.construct, message: refuse.message, hint: refuse.hint }
}

/// 1-based line and column of the first attribute `.construct` (else the first name `construct`).
fn position(code: &str, construct: &str) -> Option<(u32, u32)> {
    let mut previous_dot = false;
    let mut bare = None;
    let mut attribute = None;
    for token in lex(code, Mode::Module) {
        let Ok((tok, range)) = token else { break };
        match &tok {
            Tok::Name { name } if name.as_str() == construct => {
                if previous_dot && attribute.is_none() {
                    attribute = Some(range.start());
                } else if bare.is_none() {
                    bare = Some(range.start());
                }
            }
            _ => {}
        }
        previous_dot = matches!(tok, Tok::Dot);
    }
    let offset = attribute.or(bare)?;
    let location = RandomLocator::new(code).locate(offset);
    Some((location.row.get() as u32, location.column.get() as u32))
}

/// The text of line `line` of the code, trimmed (what a statement-level refusal shows).
pub(crate) fn statement_text(code: &str, line: u32) -> String {
    let text = code.lines().nth(line.saturating_sub(1) as usize).unwrap_or("").trim();
    if text.chars().count() > 60 {
        format!("{}…", text.chars().take(60).collect::<String>())
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_attribute_is_found_outside_strings_and_comments() {
        let code = "# ewm_mean here\nx = 'ewm_mean'\ndf = df.with_columns(pl.col('a').ewm_mean(alpha=0.5))";
        assert_eq!(position(code, "ewm_mean"), Some((3, 34)));
        assert_eq!(position(code, "missing"), None);
    }
}
