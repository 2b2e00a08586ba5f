// Tab completion inside magic lines: the `%fe`/`%%fe` prefixes, command names, and
// (through handlers) command arguments. Offsets here are byte offsets into the cell.

use super::parse::{split_words, MagicForm};
use super::registry::MagicRegistry;
use crate::server::interpreter::Completion;

const PREFIXES: [&str; 2] = ["%fe", "%%fe"];

/// True when the cell is (being typed as) a magic cell: its first non-blank line starts with `%`.
pub fn wants_completion(code: &str) -> bool {
    code.lines().find(|line| !line.trim().is_empty()).is_some_and(|line| line.trim_start().starts_with('%'))
}

/// Completions at byte offset `cursor` of `code`.
pub fn complete(registry: &MagicRegistry, code: &str, cursor: usize) -> Completion {
    let cursor = floor_char_boundary(code, cursor.min(code.len()));
    let line_start = code[..cursor].rfind('\n').map_or(0, |i| i + 1);
    let before = &code[line_start..cursor];
    let typed = before.trim_start();
    let empty = Completion { matches: Vec::new(), cursor_start: cursor, cursor_end: cursor };
    if !typed.starts_with('%') {
        return empty;
    }
    // Still typing the prefix itself.
    if !typed.contains(char::is_whitespace) {
        let matches = PREFIXES.iter().filter(|p| p.starts_with(typed)).map(|p| p.to_string()).collect();
        return Completion { matches, cursor_start: cursor - typed.len(), cursor_end: cursor };
    }
    let (form, rest) = match typed.strip_prefix("%%fe") {
        Some(rest) => (MagicForm::Cell, rest),
        None => match typed.strip_prefix("%fe") {
            Some(rest) => (MagicForm::Line, rest),
            None => return empty,
        },
    };
    if !rest.starts_with(char::is_whitespace) {
        return empty;
    }
    let partial_start = rest.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let partial = &rest[partial_start..];
    let Some(previous) = split_words(&rest[..partial_start]) else {
        return empty; // inside an unclosed quote
    };
    let matches = match previous.as_slice() {
        [] => names_starting_with(registry, partial, Some(form)),
        [help] if help == "help" => names_starting_with(registry, partial, None),
        [command, arguments @ ..] => match registry.handler(command) {
            Some(handler) => handler.complete_argument(arguments, partial),
            None => Vec::new(),
        },
    };
    Completion { matches, cursor_start: cursor - partial.len(), cursor_end: cursor }
}

/// Command names that start with `partial`, of one form (or any form).
fn names_starting_with(registry: &MagicRegistry, partial: &str, form: Option<MagicForm>) -> Vec<String> {
    registry
        .commands()
        .iter()
        .filter(|doc| form.is_none_or(|form| doc.form == form))
        .filter(|doc| doc.name.starts_with(partial))
        .map(|doc| doc.name.to_string())
        .collect()
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::magics::parse::MagicCall;
    use crate::server::interpreter::{CellError, ExecuteOk};
    use crate::server::publisher::CellIo;

    fn at_end(code: &str) -> Completion {
        complete(&MagicRegistry::with_catalog(), code, code.len())
    }

    #[test]
    fn the_prefixes_complete_themselves() {
        let completion = at_end("%");
        assert_eq!(completion.matches, vec!["%fe", "%%fe"]);
        assert_eq!((completion.cursor_start, completion.cursor_end), (0, 1));
        assert_eq!(at_end("%%f").matches, vec!["%%fe"]);
    }

    #[test]
    fn line_magic_names_complete_after_the_prefix() {
        let completion = at_end("%fe sh");
        assert_eq!(completion.matches, vec!["show"]);
        assert_eq!(completion.cursor_start, 4);
        let all = at_end("%fe ");
        assert!(all.matches.contains(&"help".to_string()) && !all.matches.contains(&"apply".to_string()));
    }

    #[test]
    fn cell_magic_names_complete_after_the_double_prefix() {
        assert_eq!(at_end("%%fe ").matches, vec!["suggest", "search", "apply"]);
        assert_eq!(at_end("%%fe a").matches, vec!["apply"]);
    }

    #[test]
    fn help_completes_every_command_name() {
        assert_eq!(at_end("%fe help s").matches, vec!["show", "schema", "suggest", "search", "save", "status"]);
    }

    #[test]
    fn completion_works_on_the_line_under_the_cursor() {
        let code = "%fe help\n%fe fra\n%fe status";
        let cursor = code.find("fra").unwrap() + 3;
        let completion = complete(&MagicRegistry::with_catalog(), code, cursor);
        assert_eq!(completion.matches, vec!["frames"]);
        assert_eq!(completion.cursor_start, cursor - 3);
    }

    #[test]
    fn handlers_complete_their_arguments() {
        struct Frames;
        impl crate::magics::MagicHandler for Frames {
            fn run(&self, _: &MagicCall, _: &CellIo) -> Result<ExecuteOk, CellError> {
                Ok(ExecuteOk::default())
            }
            fn complete_argument(&self, previous: &[String], partial: &str) -> Vec<String> {
                assert!(previous.is_empty());
                ["tx", "customers"].iter().filter(|n| n.starts_with(partial)).map(|n| n.to_string()).collect()
            }
        }
        let mut registry = MagicRegistry::with_catalog();
        registry.set_handler("show", Arc::new(Frames)).unwrap();
        assert_eq!(complete(&registry, "%fe show c", 10).matches, vec!["customers"]);
    }

    #[test]
    fn magic_completion_is_wanted_only_for_percent_cells() {
        assert!(wants_completion("  %f"));
        assert!(!wants_completion("let x = 1 % 2;"));
    }
}
