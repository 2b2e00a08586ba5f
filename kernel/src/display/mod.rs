// Rich output as Jupyter MIME bundles (text/plain always beside richer types).
// Knows nothing of where the content comes from (help pages, Rust values, frames).

pub mod charts;
pub mod evaluation_table;
mod html;

pub use html::{code_spans, escape_html};

use serde_json::Value;

use crate::server::interpreter::MimeBundle;

/// A bundle with a plain-text rendering and an HTML rendering of the same content.
pub fn text_and_html(text: impl Into<String>, html: impl Into<String>) -> MimeBundle {
    let mut bundle = MimeBundle::new();
    bundle.insert("text/plain".into(), Value::String(text.into()));
    bundle.insert("text/html".into(), Value::String(html.into()));
    bundle
}

/// A bundle from `(mime type, content)` pairs; JSON mime types carry parsed JSON when valid.
pub fn from_mime_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> MimeBundle {
    let mut bundle = MimeBundle::new();
    for (mime, content) in pairs {
        let value = if is_json_mime(mime) {
            serde_json::from_str(content).unwrap_or_else(|_| Value::String(content.to_string()))
        } else {
            Value::String(content.to_string())
        };
        bundle.insert(mime.to_string(), value);
    }
    bundle
}

/// `application/json` and `application/*+json` are sent as JSON objects, not strings.
fn is_json_mime(mime: &str) -> bool {
    mime == "application/json" || (mime.starts_with("application/") && mime.ends_with("+json"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_mime_types_are_sent_as_json() {
        let bundle = from_mime_pairs([
            ("application/vnd.vegalite.v5+json", r#"{"mark": "bar"}"#),
            ("text/plain", "{\"a\": 1}"),
        ]);
        assert_eq!(bundle["application/vnd.vegalite.v5+json"]["mark"], "bar");
        assert_eq!(bundle["text/plain"], Value::String("{\"a\": 1}".into()));
    }
}
