// Shift-Tab help inside magic cells: the documentation of the command on the cursor's line.

use super::catalog;
use super::help::command_text;
use super::parse::parse_cell;
use super::registry::MagicRegistry;

/// Plain-text help for the command named on the line under byte offset `cursor`.
pub fn inspect(registry: &MagicRegistry, code: &str, cursor: usize) -> Option<String> {
    let cursor = cursor.min(code.len());
    let line_start = code[..cursor].rfind('\n').map_or(0, |i| i + 1);
    let line_end = code[cursor..].find('\n').map_or(code.len(), |i| cursor + i);
    let calls = parse_cell(&code[line_start..line_end]).ok()?;
    let call = calls.first()?;
    let doc = catalog::find(&call.name)?;
    Some(command_text(doc, registry.is_available(doc.name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_under_the_cursor_is_documented() {
        let registry = MagicRegistry::with_catalog();
        let code = "%fe help\n%fe load data.csv";
        let text = inspect(&registry, code, code.len() - 3).unwrap();
        assert!(text.starts_with("%fe load PATH [as NAME]"), "{text}");
        assert_eq!(inspect(&registry, "%fe nothing", 5), None);
    }
}
