// The Rust code `%fe to-rust` and `%fe from-rust` run in the evcxr context: read a checkpoint
// file into a variable (memory-mapped), or write a variable to a staged Arrow IPC file.

use std::path::Path;

/// Binds `variable` to the frame in the (write-once) Arrow IPC file at `file`.
pub fn read_into_variable(variable: &str, file: &Path) -> String {
    let path = rust_string(file);
    format!(
        r#"let {variable}: polars::prelude::DataFrame = {{
    use polars::prelude::SerReader;
    let fekernel_file = std::fs::File::open({path}).expect("the frame's checkpoint file opens");
    // SAFETY: checkpoint files are write-once: published by rename, never written again.
    let fekernel_reader = unsafe {{ polars::prelude::IpcReader::new(fekernel_file).memory_mapped(Some(std::path::PathBuf::from({path}))) }};
    fekernel_reader.finish().expect("the frame's checkpoint file reads")
}};"#
    )
}

/// Writes `variable` (which must be a `polars::prelude::DataFrame`) to `file` as Arrow IPC.
pub fn write_variable(variable: &str, file: &Path) -> String {
    let path = rust_string(file);
    format!(
        r#"{{
    use polars::prelude::SerWriter;
    let fekernel_frame: &polars::prelude::DataFrame = &{variable};
    let mut fekernel_copy = fekernel_frame.clone();
    let fekernel_file = std::fs::File::create({path}).expect("the staged file can be created");
    polars::prelude::IpcWriter::new(fekernel_file).finish(&mut fekernel_copy).expect("the frame can be written as Arrow IPC");
}}"#
    )
}

/// A Rust string literal of a path (Debug escapes quotes, backslashes and control characters).
fn rust_string(path: &Path) -> String {
    format!("{:?}", path.to_string_lossy())
}

/// Whether `name` can be a Rust variable: an identifier that is not a keyword.
pub fn is_rust_variable_name(name: &str) -> bool {
    const KEYWORDS: &[&str] = &[
        "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false", "fn",
        "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self",
        "Self", "static", "struct", "super", "trait", "true", "try", "type", "unsafe", "use", "where", "while",
        "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof", "unsized", "virtual",
        "yield", "_",
    ];
    let mut chars = name.chars();
    let starts_well = matches!(chars.next(), Some(c) if c.is_alphabetic() || c == '_');
    starts_well && chars.all(|c| c.is_alphanumeric() || c == '_') && !KEYWORDS.contains(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_quoted_as_rust_strings() {
        let cell = read_into_variable("tx", Path::new("/tmp/a \"b\"/tx.1.arrow"));
        assert!(cell.starts_with("let tx: polars::prelude::DataFrame = {"));
        assert!(cell.contains(r#"File::open("/tmp/a \"b\"/tx.1.arrow")"#), "{cell}");
        let cell = write_variable("features", Path::new("/s/frames/x.tmp"));
        assert!(cell.contains("&features;") && cell.contains(r#"File::create("/s/frames/x.tmp")"#), "{cell}");
    }

    #[test]
    fn variable_names_are_identifiers_but_not_keywords() {
        assert!(is_rust_variable_name("tx_2024"));
        assert!(is_rust_variable_name("_scratch"));
        assert!(!is_rust_variable_name("2fast"));
        assert!(!is_rust_variable_name("type"));
        assert!(!is_rust_variable_name("my-frame"));
        assert!(!is_rust_variable_name(""));
    }
}
