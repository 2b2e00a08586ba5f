// Turns the text of a `%fe` / `%%fe` cell into magic calls: the form, the command name,
// shell-quoted arguments and (for cell magics) the body.

use super::usage::UsageError;

/// `%fe NAME …` runs one line; `%%fe NAME …` owns the whole cell (its body follows the line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MagicForm {
    Line,
    Cell,
}

impl MagicForm {
    pub fn prefix(self) -> &'static str {
        match self {
            MagicForm::Line => "%fe",
            MagicForm::Cell => "%%fe",
        }
    }
}

/// One parsed magic invocation, as handlers receive it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MagicCall {
    pub form: MagicForm,
    /// The command as typed (lower case is the only spelling that resolves).
    pub name: String,
    /// The words after the command, shell-quoted (`"my file.csv"` is one word).
    pub args: Vec<String>,
    /// Everything after the magic line (cell magics only; empty for line magics).
    pub body: String,
    /// The magic line itself, trimmed, for messages.
    pub line: String,
    /// 1-based line number of the magic line within the cell.
    pub line_number: usize,
}

/// True when the first non-blank line of `code` starts with `%fe` or `%%fe`.
pub fn is_magic_cell(code: &str) -> bool {
    first_content_line(code)
        .map(|(_, line)| {
            let line = line.trim_start();
            line.starts_with("%fe") || line.starts_with("%%fe")
        })
        .unwrap_or(false)
}

/// Parses a magic cell into the calls it makes, in order.
///
/// A `%%fe` cell is one call whose body is the rest of the cell. A `%fe` cell may hold several
/// line magics, one per line (blank lines are skipped); anything else after a line magic is a
/// usage error rather than silently ignored.
pub fn parse_cell(code: &str) -> Result<Vec<MagicCall>, UsageError> {
    let Some((first_index, first_line)) = first_content_line(code) else {
        return Err(UsageError::MissingCommand { form: MagicForm::Line });
    };
    let (form, after_prefix) = split_prefix(first_line.trim())?;
    if form == MagicForm::Cell {
        let body = code.splitn(first_index + 2, '\n').nth(first_index + 1).unwrap_or("");
        return Ok(vec![parse_line(form, after_prefix, first_line, first_index + 1, body)?]);
    }
    let mut calls = Vec::new();
    for (index, line) in code.lines().enumerate().skip(first_index) {
        if line.trim().is_empty() {
            continue;
        }
        let (form, after_prefix) = match split_prefix(line.trim()) {
            Ok(split) => split,
            Err(UsageError::NotAMagicLine { .. }) => {
                return Err(UsageError::TextAfterLineMagic { line_number: index + 1, line: line.trim().to_string() })
            }
            Err(other) => return Err(other),
        };
        if form == MagicForm::Cell {
            return Err(UsageError::CellMagicNotFirst { line_number: index + 1 });
        }
        calls.push(parse_line(form, after_prefix, line, index + 1, "")?);
    }
    Ok(calls)
}

/// The magic line split into its words, for completion (`None` on an unclosed quote).
pub fn split_words(text: &str) -> Option<Vec<String>> {
    shlex::split(text)
}

/// Index and text of the first line that is not blank.
fn first_content_line(code: &str) -> Option<(usize, &str)> {
    code.lines().enumerate().find(|(_, line)| !line.trim().is_empty())
}

/// `%%fe rest` / `%fe rest` → (form, rest). `%feload` and friends are refused with a hint.
fn split_prefix(line: &str) -> Result<(MagicForm, &str), UsageError> {
    let (form, rest) = if let Some(rest) = line.strip_prefix("%%fe") {
        (MagicForm::Cell, rest)
    } else if let Some(rest) = line.strip_prefix("%fe") {
        (MagicForm::Line, rest)
    } else {
        return Err(UsageError::NotAMagicLine { line: line.to_string() });
    };
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        let word = line.split_whitespace().next().unwrap_or(line).to_string();
        return Err(UsageError::MissingSpace { word, form });
    }
    Ok((form, rest))
}

fn parse_line(
    form: MagicForm,
    after_prefix: &str,
    line: &str,
    line_number: usize,
    body: &str,
) -> Result<MagicCall, UsageError> {
    let words = shlex::split(after_prefix).ok_or_else(|| UsageError::UnclosedQuote { line: line.trim().to_string() })?;
    let mut words = words.into_iter();
    let Some(name) = words.next() else {
        return Err(UsageError::MissingCommand { form });
    };
    Ok(MagicCall {
        form,
        name,
        args: words.collect(),
        body: body.to_string(),
        line: line.trim().to_string(),
        line_number,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_magic_cells_by_their_first_non_blank_line() {
        assert!(is_magic_cell("%fe help"));
        assert!(is_magic_cell("\n   \n  %%fe apply tx\ndf = df"));
        assert!(!is_magic_cell("let x = 1;\n%fe help"));
        assert!(!is_magic_cell("// %fe help"));
        assert!(!is_magic_cell(""));
    }

    #[test]
    fn line_magic_arguments_follow_shell_quoting() {
        let calls = parse_cell(r#"%fe load "data/my file.csv" as tx"#).unwrap();
        assert_eq!(calls.len(), 1);
        assert_eq!(calls[0].form, MagicForm::Line);
        assert_eq!(calls[0].name, "load");
        assert_eq!(calls[0].args, vec!["data/my file.csv", "as", "tx"]);
        assert_eq!(calls[0].body, "");
    }

    #[test]
    fn cell_magic_takes_the_rest_of_the_cell_as_its_body() {
        let calls = parse_cell("\n%%fe apply tx\ndf = df.with_columns(x=1)\n\nprint('kept')").unwrap();
        assert_eq!(calls.len(), 1);
        assert_eq!(calls[0].form, MagicForm::Cell);
        assert_eq!(calls[0].name, "apply");
        assert_eq!(calls[0].args, vec!["tx"]);
        assert_eq!(calls[0].body, "df = df.with_columns(x=1)\n\nprint('kept')");
        assert_eq!(calls[0].line_number, 2);
    }

    #[test]
    fn several_line_magics_run_in_order() {
        let calls = parse_cell("%fe help\n\n%fe frames\n").unwrap();
        let names: Vec<_> = calls.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["help", "frames"]);
        assert_eq!(calls[1].line_number, 3);
    }

    #[test]
    fn rust_after_a_line_magic_is_refused_not_ignored() {
        let err = parse_cell("%fe help\nlet x = 1;").unwrap_err();
        assert_eq!(err, UsageError::TextAfterLineMagic { line_number: 2, line: "let x = 1;".into() });
    }

    #[test]
    fn unclosed_quote_is_a_usage_error() {
        assert!(matches!(parse_cell("%fe load \"oops"), Err(UsageError::UnclosedQuote { .. })));
    }

    #[test]
    fn prefix_glued_to_the_command_is_refused_with_the_spelling() {
        let err = parse_cell("%feload x.csv").unwrap_err();
        assert_eq!(err, UsageError::MissingSpace { word: "%feload".into(), form: MagicForm::Line });
    }

    #[test]
    fn bare_prefix_has_no_command() {
        assert_eq!(parse_cell("%%fe").unwrap_err(), UsageError::MissingCommand { form: MagicForm::Cell });
    }
}
