// HTML escaping for text placed inside generated HTML (help pages, tables).
// Delegates to pulldown-cmark-escape, the escaper rustdoc-style renderers use.

/// `text` with `<`, `>`, `&`, `"` and `'` escaped, safe inside elements and quoted attributes.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}

/// A message whose names are in backticks (`tx`), as HTML: escaped, the names as `<code>`.
pub fn code_spans(text: &str) -> String {
    escape_html(text)
        .split('`')
        .enumerate()
        .map(|(i, part)| if i % 2 == 1 { format!("<code>{part}</code>") } else { part.to_string() })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backticked_names_become_code() {
        assert_eq!(code_spans("saved `tx` to <out>"), "saved <code>tx</code> to &lt;out&gt;");
    }

    #[test]
    fn markup_in_text_is_neutralised() {
        assert_eq!(
            escape_html("<b>\"x\" & 'y'</b>"),
            "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;"
        );
    }
}
