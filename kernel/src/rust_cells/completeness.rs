// `is_complete` for Rust cells: a light lexer that tracks brackets, strings, char literals
// and (nested) block comments, so a console knows whether Enter should run or continue.

use crate::server::interpreter::Completeness;

const INDENT: &str = "    ";

/// Incomplete while a bracket, string, char literal or block comment is open (with an indent
/// of four spaces per open bracket); invalid on a closer that matches nothing; else complete.
pub fn is_complete(code: &str) -> Completeness {
    let chars: Vec<char> = code.chars().collect();
    let mut open: Vec<char> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            '/' if next == Some('/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if next == Some('*') => match block_comment_end(&chars, i) {
                Some(end) => i = end,
                None => return Completeness::Incomplete(String::new()),
            },
            '"' => match quoted_end(&chars, i + 1, '"') {
                Some(end) => i = end,
                None => return Completeness::Incomplete(String::new()),
            },
            '\'' => match char_literal_end(&chars, i) {
                CharLiteral::End(end) => i = end,
                CharLiteral::Lifetime => i += 1,
                CharLiteral::Unterminated => return Completeness::Incomplete(String::new()),
            },
            '(' | '[' | '{' => {
                open.push(c);
                i += 1;
            }
            ')' | ']' | '}' => {
                let expected = match c {
                    ')' => '(',
                    ']' => '[',
                    _ => '{',
                };
                if open.pop() != Some(expected) {
                    return Completeness::Invalid;
                }
                i += 1;
            }
            c if is_ident_start(c) => {
                let start = i;
                if let Some(raw) = raw_string_start(&chars, i) {
                    match raw_string_end(&chars, raw.quote + 1, raw.hashes) {
                        Some(end) => i = end,
                        None => return Completeness::Incomplete(String::new()),
                    }
                } else {
                    while i < chars.len() && is_ident_continue(chars[i]) {
                        i += 1;
                    }
                    debug_assert!(i > start);
                }
            }
            _ => i += 1,
        }
    }
    if open.is_empty() {
        Completeness::Complete
    } else {
        Completeness::Incomplete(INDENT.repeat(open.len()))
    }
}

fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_ident_continue(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// Index just past the `*/` closing the comment opened at `start`, honouring nesting.
fn block_comment_end(chars: &[char], start: usize) -> Option<usize> {
    let mut depth = 0;
    let mut i = start;
    while i + 1 < chars.len() {
        match (chars[i], chars[i + 1]) {
            ('/', '*') => {
                depth += 1;
                i += 2;
            }
            ('*', '/') => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => i += 1,
        }
    }
    None
}

/// Index just past the closing `quote`, skipping backslash escapes; `from` is inside the literal.
fn quoted_end(chars: &[char], from: usize, quote: char) -> Option<usize> {
    let mut i = from;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 2,
            c if c == quote => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

enum CharLiteral {
    End(usize),
    Lifetime,
    Unterminated,
}

/// `'a'`, `'\n'`, `'\u{1F600}'` are char literals; `'a` and `'static` are lifetimes or labels.
fn char_literal_end(chars: &[char], start: usize) -> CharLiteral {
    match (chars.get(start + 1), chars.get(start + 2)) {
        (Some('\\'), _) => match quoted_end(chars, start + 1, '\'') {
            Some(end) => CharLiteral::End(end),
            None => CharLiteral::Unterminated,
        },
        (Some(_), Some('\'')) => CharLiteral::End(start + 3),
        (None, _) => CharLiteral::Unterminated,
        _ => CharLiteral::Lifetime,
    }
}

struct RawStringStart {
    /// Index of the opening `"`.
    quote: usize,
    hashes: usize,
}

/// `r"…"`, `r#"…"#`, `br"…"`, `cr#"…"#` starting at `i` (an identifier start).
fn raw_string_start(chars: &[char], i: usize) -> Option<RawStringStart> {
    let r = match chars[i] {
        'r' => i,
        'b' | 'c' if chars.get(i + 1) == Some(&'r') => i + 1,
        _ => return None,
    };
    let mut j = r + 1;
    while chars.get(j) == Some(&'#') {
        j += 1;
    }
    (chars.get(j) == Some(&'"')).then_some(RawStringStart { quote: j, hashes: j - r - 1 })
}

fn raw_string_end(chars: &[char], from: usize, hashes: usize) -> Option<usize> {
    let mut i = from;
    while i < chars.len() {
        if chars[i] == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) {
            return Some(i + 1 + hashes);
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn incomplete(indent: &str) -> Completeness {
        Completeness::Incomplete(indent.to_string())
    }

    #[test]
    fn balanced_code_is_complete() {
        assert_eq!(is_complete("let x = vec![1, 2, 3];"), Completeness::Complete);
        assert_eq!(is_complete("fn f(a: &str) -> usize { a.len() }"), Completeness::Complete);
        assert_eq!(is_complete(""), Completeness::Complete);
        assert_eq!(is_complete(":dep regex = \"1.10\""), Completeness::Complete);
    }

    #[test]
    fn open_brackets_ask_for_more_with_an_indent_per_level() {
        assert_eq!(is_complete("fn f() {"), incomplete("    "));
        assert_eq!(is_complete("fn f() {\n    let v = vec!["), incomplete("        "));
        assert_eq!(is_complete("println!(\"{}\","), incomplete("    "));
    }

    #[test]
    fn an_unmatched_closer_is_invalid() {
        assert_eq!(is_complete("let x = 1;\n}"), Completeness::Invalid);
        assert_eq!(is_complete("let v = (1, 2];"), Completeness::Invalid);
    }

    #[test]
    fn brackets_inside_strings_chars_and_comments_do_not_count() {
        assert_eq!(is_complete("let s = \"{ ( [\";"), Completeness::Complete);
        assert_eq!(is_complete("let s = \"escaped \\\" { \";"), Completeness::Complete);
        assert_eq!(is_complete("let c = '{';"), Completeness::Complete);
        assert_eq!(is_complete("let c = '\\'';"), Completeness::Complete);
        assert_eq!(is_complete("// fn f() {\nlet x = 1;"), Completeness::Complete);
        assert_eq!(is_complete("/* { /* nested } */ ( */ let x = 1;"), Completeness::Complete);
        assert_eq!(is_complete("let r = r#\"a \" { \"#;"), Completeness::Complete);
        assert_eq!(is_complete("let b = br\"}\";"), Completeness::Complete);
    }

    #[test]
    fn open_strings_and_comments_ask_for_more() {
        assert_eq!(is_complete("let s = \"abc"), incomplete(""));
        assert_eq!(is_complete("let r = r#\"abc\""), incomplete(""));
        assert_eq!(is_complete("/* unfinished"), incomplete(""));
        assert_eq!(is_complete("/* outer /* inner */"), incomplete(""));
    }

    #[test]
    fn lifetimes_are_not_char_literals() {
        assert_eq!(is_complete("fn f<'a>(x: &'a str) -> &'a str { x }"), Completeness::Complete);
        assert_eq!(is_complete("'outer: loop { break 'outer; }"), Completeness::Complete);
        assert_eq!(is_complete("let s: &'static str = \"x\";"), Completeness::Complete);
    }

    #[test]
    fn identifiers_that_end_in_r_are_not_raw_strings() {
        assert_eq!(is_complete("let r = 1; let br = (r, \"x\");"), Completeness::Complete);
        assert_eq!(is_complete("let r#type = 1;"), Completeness::Complete);
    }
}
