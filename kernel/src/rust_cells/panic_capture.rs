// Makes panics in Rust cells visible: evcxr catches them and still reports success, so a
// panic hook installed in the evcxr child prints a marker line on stdout that we turn into
// a `Panic` error. Stdout is read in order, so the marker always arrives with the cell.

/// Start of the marker line the hook prints: `MARKER<escaped message>\t<location>`.
const MARKER: &str = "\u{1}FEKERNEL_PANIC\u{1}";

/// A cell (run once per evcxr child process) that installs the hook. Panics on the thread
/// that runs cells print the marker; panics on other threads keep the default report on stderr
/// and do not fail the cell (the code that joins them decides). The cell thread is recognised
/// by its id: cell code links its own copy of std, in which that thread has no name.
pub fn hook_installation_cell() -> String {
    format!(
        r#"{{
    let fekernel_previous_hook = std::panic::take_hook();
    let fekernel_cell_thread = std::thread::current().id();
    std::panic::set_hook(Box::new(move |info: &std::panic::PanicHookInfo<'_>| {{
        if std::thread::current().id() != fekernel_cell_thread {{
            fekernel_previous_hook(info);
            return;
        }}
        let payload = info.payload();
        let message = if let Some(text) = payload.downcast_ref::<&str>() {{
            text.to_string()
        }} else if let Some(text) = payload.downcast_ref::<String>() {{
            text.clone()
        }} else {{
            String::from("Box<dyn Any>")
        }};
        let location = info
            .location()
            .map(|l| format!("{{}}:{{}}:{{}}", l.file(), l.line(), l.column()))
            .unwrap_or_default();
        let escaped = message.replace('\\', "\\\\").replace('\n', "\\n").replace('\t', "\\t");
        println!("{marker}{{}}\t{{}}", escaped, location);
    }}));
}};"#,
        marker = MARKER.escape_default()
    )
}

/// A panic reported by the hook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellPanic {
    pub message: String,
    /// `file:line:column`, when it points somewhere other than the generated cell code.
    pub location: Option<String>,
}

/// The panic a stdout line reports, if it holds a marker, and the output printed before the
/// marker on the same line (a `print!` without newline just before the panic).
pub fn parse_marker(line: &str) -> Option<(&str, CellPanic)> {
    let start = line.find(MARKER)?;
    let (before, marked) = line.split_at(start);
    let rest = &marked[MARKER.len()..];
    let (escaped, location) = rest.rsplit_once('\t').unwrap_or((rest, ""));
    // Cells are compiled as `src/lib.rs` of a generated crate: that path means nothing to users.
    let location = (!location.is_empty() && !location.starts_with("src/lib.rs")).then(|| location.to_string());
    Some((before, CellPanic { message: unescape(escaped), location }))
}

fn unescape(escaped: &str) -> String {
    let mut out = String::with_capacity(escaped.len());
    let mut chars = escaped.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the hook prints for a message and location (mirrors the generated code).
    fn printed(message: &str, location: &str) -> String {
        let escaped = message.replace('\\', "\\\\").replace('\n', "\\n").replace('\t', "\\t");
        format!("{MARKER}{escaped}\t{location}")
    }

    #[test]
    fn marker_lines_round_trip_multi_line_messages() {
        let line = printed("index out of bounds\n\tlen 3 \\ idx 7", "/rustc/x/core/src/slice.rs:9:5");
        let (before, panic) = parse_marker(&line).unwrap();
        assert_eq!(before, "");
        assert_eq!(panic.message, "index out of bounds\n\tlen 3 \\ idx 7");
        assert_eq!(panic.location.as_deref(), Some("/rustc/x/core/src/slice.rs:9:5"));
    }

    #[test]
    fn generated_cell_locations_are_hidden() {
        let (_, panic) = parse_marker(&printed("boom", "src/lib.rs:41:5")).unwrap();
        assert_eq!(panic, CellPanic { message: "boom".into(), location: None });
    }

    #[test]
    fn output_printed_before_the_marker_is_kept() {
        let line = format!("progress: 50%{}", printed("boom", ""));
        let (before, panic) = parse_marker(&line).unwrap();
        assert_eq!(before, "progress: 50%");
        assert_eq!(panic.message, "boom");
    }

    #[test]
    fn ordinary_output_is_not_a_panic() {
        assert_eq!(parse_marker("FEKERNEL_PANIC boom"), None);
        assert_eq!(parse_marker("hello"), None);
    }

    #[test]
    fn the_installation_cell_prints_the_marker_the_parser_expects() {
        let cell = hook_installation_cell();
        assert!(cell.contains(r#"println!("\u{1}FEKERNEL_PANIC\u{1}{}\t{}""#), "{cell}");
        assert!(cell.trim_end().ends_with("};"), "a statement, so evcxr displays nothing");
    }
}
