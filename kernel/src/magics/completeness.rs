// `is_complete` for magic cells, which decides when jupyter console runs what was typed.
//
// A line magic is complete as soon as it is typed: a single Enter runs `%fe help`.
// A `%%fe` cell magic owns the lines below it, and a console cannot know how long the body
// is, so the cell stays incomplete until it has at least one body line *and* the last line
// is empty: users type the body line by line and finish with an empty line (like a Python
// block in IPython). The cost is that a body cannot contain a blank line when typed in a
// console; notebooks never ask `is_complete`, so they are unaffected. Misspelt or
// misused magics are reported complete so that running them shows the usage error at once.

use super::parse::{parse_cell, MagicForm};
use super::registry::MagicRegistry;
use crate::server::interpreter::Completeness;

pub fn is_complete(registry: &MagicRegistry, code: &str) -> Completeness {
    let Ok(calls) = parse_cell(code) else {
        return Completeness::Complete;
    };
    let Some(call) = calls.first() else {
        return Completeness::Complete;
    };
    let is_known_cell_magic = registry.command(&call.name).is_some_and(|doc| doc.form == MagicForm::Cell);
    if call.form != MagicForm::Cell || !is_known_cell_magic {
        return Completeness::Complete;
    }
    let has_body = call.body.lines().any(|line| !line.trim().is_empty());
    let ends_with_empty_line = call.body.rsplit('\n').next().is_some_and(|last| last.trim().is_empty())
        && call.body.contains('\n');
    if has_body && ends_with_empty_line {
        Completeness::Complete
    } else {
        Completeness::Incomplete(String::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(code: &str) -> Completeness {
        is_complete(&MagicRegistry::with_catalog(), code)
    }

    #[test]
    fn line_magics_are_complete_at_once() {
        assert_eq!(check("%fe help"), Completeness::Complete);
        assert_eq!(check("%fe load data.csv as tx"), Completeness::Complete);
    }

    #[test]
    fn cell_magic_waits_for_a_body_and_an_empty_line() {
        let incomplete = Completeness::Incomplete(String::new());
        assert_eq!(check("%%fe apply tx"), incomplete);
        assert_eq!(check("%%fe apply tx\n"), incomplete);
        assert_eq!(check("%%fe apply tx\ndf = df.head()"), incomplete);
        assert_eq!(check("%%fe apply tx\ndf = df.head()\n"), Completeness::Complete);
        assert_eq!(check("%%fe apply tx\ndf = df.head()\n  "), Completeness::Complete);
    }

    #[test]
    fn misused_magics_are_complete_so_their_error_shows() {
        assert_eq!(check("%%fe lod x"), Completeness::Complete);
        assert_eq!(check("%%fe help"), Completeness::Complete);
        assert_eq!(check("%fe \"unclosed"), Completeness::Complete);
    }
}
