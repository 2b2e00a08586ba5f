// What a finished Rust cell shows: a plain value is the cell's `execute_result`; rich content
// (several MIME types, e.g. text/html or image/png) is `display_data` with text/plain beside it.

use std::collections::HashMap;

use serde_json::Value;

use crate::display::from_mime_pairs;
use crate::server::interpreter::MimeBundle;

#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    /// The plain value of the last expression.
    Result(MimeBundle),
    /// Rich content: published as display_data.
    Display(MimeBundle),
}

/// Sorts evcxr's `content_by_mime_type` into what the front end should receive.
pub fn cell_value(content_by_mime_type: &HashMap<String, String>) -> Option<CellValue> {
    let only_plain = content_by_mime_type.keys().all(|mime| mime == "text/plain");
    if only_plain {
        let text = content_by_mime_type.get("text/plain")?;
        if text.is_empty() {
            return None;
        }
        return Some(CellValue::Result(from_mime_pairs([("text/plain", text.as_str())])));
    }
    let mut pairs: Vec<(&str, &str)> =
        content_by_mime_type.iter().map(|(mime, content)| (mime.as_str(), content.as_str())).collect();
    pairs.sort();
    let mut bundle = from_mime_pairs(pairs);
    if !bundle.contains_key("text/plain") {
        let kinds: Vec<&str> = bundle.keys().map(String::as_str).collect();
        bundle.insert("text/plain".into(), Value::String(format!("<{}>", kinds.join(", "))));
    }
    Some(CellValue::Display(bundle))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(m, c)| (m.to_string(), c.to_string())).collect()
    }

    #[test]
    fn a_plain_value_is_the_execute_result() {
        let value = cell_value(&content(&[("text/plain", "42")])).unwrap();
        let CellValue::Result(bundle) = value else { panic!("expected a result") };
        assert_eq!(bundle["text/plain"], "42");
    }

    #[test]
    fn rich_content_is_display_data_keeping_its_plain_text() {
        let value = cell_value(&content(&[("text/plain", "table"), ("text/html", "<table/>")])).unwrap();
        let CellValue::Display(bundle) = value else { panic!("expected a display") };
        assert_eq!(bundle["text/html"], "<table/>");
        assert_eq!(bundle["text/plain"], "table");
    }

    #[test]
    fn rich_content_without_plain_text_gets_a_description() {
        let value = cell_value(&content(&[("image/png", "iVBOR")])).unwrap();
        let CellValue::Display(bundle) = value else { panic!("expected a display") };
        assert_eq!(bundle["text/plain"], "<image/png>");
    }

    #[test]
    fn no_value_shows_nothing() {
        assert_eq!(cell_value(&content(&[])), None);
        assert_eq!(cell_value(&content(&[("text/plain", "")])), None);
    }
}
