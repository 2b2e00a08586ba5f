// Writing the proposals as feature-language code: Python string literals for any column name,
// and one `df.with_columns(...)` with a comment per group, valid in Python Polars unchanged.

/// One new column: a comment group it belongs to, its name and the expression (without alias).
#[derive(Clone, Debug, PartialEq)]
pub struct Feature {
    pub group: String,
    pub name: String,
    pub expression: String,
}

/// A Python string literal: `"name"`, escaping quotes, backslashes and control characters.
pub fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `pl.col("name")`.
pub fn col(name: &str) -> String {
    format!("pl.col({})", literal(name))
}

/// The cell: imports, then one `with_columns` whose arguments are grouped under comments.
pub fn code(features: &[Feature]) -> String {
    let uses_math = features.iter().any(|f| f.expression.contains("math."));
    let mut text = String::new();
    if uses_math {
        text.push_str("import math\n\n");
    }
    text.push_str("import polars as pl\n\ndf = df.with_columns(\n");
    let mut group: Option<&str> = None;
    for feature in features {
        if group != Some(feature.group.as_str()) {
            text.push_str(&format!("    # {}\n", feature.group));
            group = Some(&feature.group);
        }
        let expression = if has_top_level_operator(&feature.expression) {
            format!("({})", feature.expression)
        } else {
            feature.expression.clone()
        };
        text.push_str(&format!("    {expression}.alias({}),\n", literal(&feature.name)));
    }
    text.push_str(")\n");
    text
}

/// `a / b` needs parentheses before `.alias(...)`; `f(a / b)` and `(a / b).g()` do not.
fn has_top_level_operator(expression: &str) -> bool {
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in expression.chars() {
        match quote {
            Some(_) if escaped => escaped = false,
            Some(_) if c == '\\' => escaped = true,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '"' | '\'' => quote = Some(c),
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth -= 1,
                ' ' if depth == 0 => return true,
                _ => {}
            },
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_expressions_are_parenthesised_before_their_alias() {
        let feature = |expression: &str| Feature { group: "g".into(), name: "n".into(), expression: expression.into() };
        let text = code(&[feature("pl.len().over(\"c\") / pl.len()"), feature("pl.col(\"a b\").log1p()"), feature("(pl.col(\"x\") >= 6).cast(pl.Int8)")]);
        assert!(text.contains("    (pl.len().over(\"c\") / pl.len()).alias(\"n\"),\n"), "{text}");
        assert!(text.contains("    pl.col(\"a b\").log1p().alias(\"n\"),\n"), "{text}");
        assert!(text.contains("    (pl.col(\"x\") >= 6).cast(pl.Int8).alias(\"n\"),\n"), "{text}");
    }

    #[test]
    fn literals_escape_what_python_needs() {
        assert_eq!(literal("amount"), "\"amount\"");
        assert_eq!(literal("a \"b\"\\c\nd\u{1}"), "\"a \\\"b\\\"\\\\c\\nd\\u0001\"");
        assert_eq!(literal("größe €"), "\"größe €\"");
    }

    #[test]
    fn code_groups_features_under_comments_and_imports_math_only_when_used() {
        let feature = |group: &str, name: &str, expression: &str| Feature { group: group.into(), name: name.into(), expression: expression.into() };
        let features = [
            feature("logs", "a_log1p", "pl.col(\"a\").log1p()"),
            feature("logs", "b_log1p", "pl.col(\"b\").log1p()"),
            feature("cyclic", "m_sin", "(2 * math.pi * pl.col(\"d\").dt.month() / 12).sin()"),
        ];
        let text = code(&features);
        assert!(text.starts_with("import math\n\nimport polars as pl\n\ndf = df.with_columns(\n    # logs\n"), "{text}");
        assert_eq!(text.matches("# logs").count(), 1);
        assert!(text.contains("    pl.col(\"b\").log1p().alias(\"b_log1p\"),\n    # cyclic\n"), "{text}");
        assert!(!code(&features[..1]).contains("import math"));
    }
}
