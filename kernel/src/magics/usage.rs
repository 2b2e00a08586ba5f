// The ways a magic line can be misused, each with the message a user sees.
// Every variant becomes a `UsageError` cell error; nothing has run when one is raised.

use super::catalog::COMMANDS;
use super::parse::{MagicCall, MagicForm};
use crate::server::interpreter::CellError;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UsageError {
    #[error("{}", unknown_command_message(.given, .close_matches))]
    UnknownCommand { given: String, close_matches: Vec<String> },

    #[error("`{prefix} {name}` is not available in this version of fekernel. Run `%fe help` for the commands that are.", prefix = .form.prefix())]
    NotAvailable { name: String, form: MagicForm },

    #[error("`{name}` is a cell magic: write `%%fe {synopsis}` on the first line and {body} on the lines below it.")]
    NeedsCellForm { name: String, synopsis: String, body: String },

    #[error("`%%fe {name}` has no body: write {body} on the lines below `%%fe {synopsis}`.")]
    MissingBody { name: String, synopsis: String, body: String },

    #[error("`{name}` is a line magic: write `%fe {synopsis}` (one `%`); it takes no cell body.")]
    NeedsLineForm { name: String, synopsis: String },

    #[error("`{}` needs a command after it, e.g. `{}`. Run `%fe help` for every command.", .form.prefix(), example_for(.form))]
    MissingCommand { form: MagicForm },

    #[error("`{word}` is not a magic: put a space after `{}`, e.g. `{} {}`.", .form.prefix(), .form.prefix(), .word.trim_start_matches('%').trim_start_matches("fe"))]
    MissingSpace { word: String, form: MagicForm },

    #[error("line {line_number} (`{line}`) is not a `%fe` line: a cell that starts with a line magic may only hold `%fe` lines. Put Rust code in a cell of its own.")]
    TextAfterLineMagic { line_number: usize, line: String },

    #[error("line {line_number}: `%%fe` must be the first line of its cell.")]
    CellMagicNotFirst { line_number: usize },

    #[error("`{line}` has an unclosed quote. Quote paths with spaces as \"my file.csv\" or 'my file.csv'.")]
    UnclosedQuote { line: String },

    #[error("`{line}` is not a magic line: magic lines start with `%fe`.")]
    NotAMagicLine { line: String },

    #[error("{message} Usage: `{synopsis}`.")]
    BadArguments { message: String, synopsis: String },
}

impl UsageError {
    /// A misuse of `call`'s arguments: the message, then the command's usage line.
    pub fn bad_arguments(call: &MagicCall, message: impl Into<String>) -> UsageError {
        let synopsis = COMMANDS
            .iter()
            .find(|doc| doc.name == call.name)
            .map(|doc| doc.synopsis_line())
            .unwrap_or_else(|| format!("{} {}", call.form.prefix(), call.name));
        UsageError::BadArguments { message: message.into(), synopsis }
    }
}

fn unknown_command_message(given: &str, close_matches: &[String]) -> String {
    let mut message = format!("Unknown command `{given}`.");
    match close_matches {
        [] => {}
        [only] => message.push_str(&format!(" Did you mean `{only}`?")),
        [init @ .., last] => {
            let init: Vec<String> = init.iter().map(|m| format!("`{m}`")).collect();
            message.push_str(&format!(" Did you mean {} or `{last}`?", init.join(", ")));
        }
    }
    message.push_str(" Run `%fe help` for every command.");
    message
}

fn example_for(form: &MagicForm) -> &'static str {
    match form {
        MagicForm::Line => "%fe help",
        MagicForm::Cell => "%%fe apply NAME",
    }
}

impl From<UsageError> for CellError {
    fn from(error: UsageError) -> Self {
        CellError::new("UsageError", error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_command_names_its_close_match_and_the_help_command() {
        let error = UsageError::UnknownCommand { given: "lod".into(), close_matches: vec!["load".into()] };
        assert_eq!(
            error.to_string(),
            "Unknown command `lod`. Did you mean `load`? Run `%fe help` for every command."
        );
    }

    #[test]
    fn several_close_matches_are_listed() {
        let error = UsageError::UnknownCommand {
            given: "sav".into(),
            close_matches: vec!["save".into(), "show".into(), "schema".into()],
        };
        assert!(error.to_string().contains("Did you mean `save`, `show` or `schema`?"));
    }

    #[test]
    fn usage_errors_become_cell_errors_named_usage_error() {
        let cell_error: CellError = UsageError::MissingCommand { form: MagicForm::Line }.into();
        assert_eq!(cell_error.ename, "UsageError");
        assert!(cell_error.evalue.contains("%fe help"));
        assert_eq!(cell_error.traceback.len(), 1);
    }

    #[test]
    fn missing_space_shows_the_intended_spelling() {
        let error = UsageError::MissingSpace { word: "%feload".into(), form: MagicForm::Line };
        assert_eq!(error.to_string(), "`%feload` is not a magic: put a space after `%fe`, e.g. `%fe load`.");
    }
}
