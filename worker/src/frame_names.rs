// Frame names: Python identifiers (they are variables in feature code and parts of file names),
// checked on both sides of the pipe.

/// Why a frame name was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{name}` is not a valid frame name: {reason}; use letters, digits and `_`, not starting with a digit (for example `sales_2024`)")]
pub struct BadFrameName {
    pub name: String,
    pub reason: &'static str,
}

/// Python keywords and the names the feature language binds itself.
const RESERVED: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield", "df", "pl", "cs", "np", "math", "itertools",
];

/// Accepts ASCII Python identifiers of at most 64 characters that are not reserved.
pub fn check_frame_name(name: &str) -> Result<(), BadFrameName> {
    let refuse = |reason| Err(BadFrameName { name: name.to_string(), reason });
    let Some(first) = name.chars().next() else { return refuse("it is empty") };
    if name.len() > 64 {
        return refuse("it is longer than 64 characters");
    }
    if !(first.is_ascii_alphabetic() || first == '_') {
        return refuse("it must start with a letter or `_`");
    }
    if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return refuse("it contains a character other than a letter, digit or `_`");
    }
    if name.starts_with('_') {
        return refuse("names starting with `_` are reserved");
    }
    if RESERVED.contains(&name) {
        return refuse("it is a Python keyword or a name the feature language binds");
    }
    Ok(())
}

/// A frame name derived from a file stem (`2024 sales.csv` → `f2024_sales`), or None.
pub fn name_from_file_stem(stem: &str) -> Option<String> {
    let mut name: String =
        stem.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
    name = name.trim_matches('_').to_string();
    if name.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        name.insert(0, 'f');
    }
    name.truncate(64);
    check_frame_name(&name).ok().map(|_| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_accepted_and_others_refused() {
        assert!(check_frame_name("tx").is_ok());
        assert!(check_frame_name("sales_2024").is_ok());
        for bad in ["", "1x", "a-b", "a b", "../etc", "df", "import", "_x", "é"] {
            assert!(check_frame_name(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn file_stems_become_identifiers() {
        assert_eq!(name_from_file_stem("2024 sales").as_deref(), Some("f2024_sales"));
        assert_eq!(name_from_file_stem("titanic").as_deref(), Some("titanic"));
        assert_eq!(name_from_file_stem("---"), None);
    }
}
