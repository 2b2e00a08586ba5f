// HTML tables and plain text for what the worker shows: frame heads, schema summaries, apply
// results. Rendered in the worker because only it holds data.

use std::fmt::Write;

use polars::prelude::*;

use crate::protocol::{ApplySummary, ColumnChange, ColumnSummary};

/// Longest cell text shown before it is cut with an ellipsis.
const MAX_CELL_CHARS: usize = 80;

pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn shorten(text: String) -> String {
    if text.chars().count() <= MAX_CELL_CHARS {
        return text;
    }
    let mut cut: String = text.chars().take(MAX_CELL_CHARS - 1).collect();
    cut.push('…');
    cut
}

/// A cell's value as users read it (strings without quotes, nulls as `null`).
pub fn cell_text(value: &AnyValue<'_>) -> String {
    let text = match value {
        AnyValue::Null => "null".to_string(),
        AnyValue::String(s) => s.to_string(),
        AnyValue::StringOwned(s) => s.to_string(),
        other => other.to_string(),
    };
    shorten(text)
}

/// An HTML table of a (small) frame with dtypes under the names, in the style of Polars'
/// notebook output.
pub fn html_table(df: &DataFrame, caption: &str) -> String {
    let mut html = String::new();
    html.push_str("<div class=\"fe-frame\"><table class=\"dataframe\" border=\"1\">");
    let _ = write!(html, "<caption>{}</caption><thead><tr>", escape_html(caption));
    for column in df.columns() {
        let _ = write!(html, "<th>{}</th>", escape_html(column.name()));
    }
    html.push_str("</tr><tr>");
    for column in df.columns() {
        let _ = write!(html, "<td><i>{}</i></td>", escape_html(&column.dtype().to_string()));
    }
    html.push_str("</tr></thead><tbody>");
    for row in 0..df.height() {
        html.push_str("<tr>");
        for column in df.columns() {
            let value = column.get(row).map(|v| cell_text(&v)).unwrap_or_default();
            let _ = write!(html, "<td>{}</td>", escape_html(&value));
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table></div>");
    html
}

/// Polars' own text rendering of a small frame.
pub fn text_table(df: &DataFrame, caption: &str) -> String {
    format!("{caption}\n{df}")
}

/// `rows` describes the frame's rows ("120 rows", "rows not counted").
pub fn schema_html(name: &str, version: u32, rows: &str, columns: &[ColumnSummary]) -> String {
    let mut html = String::new();
    let _ = write!(
        html,
        "<div class=\"fe-schema\"><table border=\"1\"><caption>{} (version {version}, {})</caption>\
         <thead><tr><th>column</th><th>dtype</th><th>nulls</th><th>unique</th><th>min</th><th>max</th><th>mean</th><th>top values</th></tr></thead><tbody>",
        escape_html(name),
        escape_html(rows)
    );
    for c in columns {
        let _ = write!(
            html,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape_html(&c.name),
            escape_html(&c.dtype),
            c.nulls,
            c.unique.map(|u| u.to_string()).unwrap_or_default(),
            escape_html(c.min.as_deref().unwrap_or("")),
            escape_html(c.max.as_deref().unwrap_or("")),
            c.mean.map(|m| format!("{m:.6}")).unwrap_or_default(),
            escape_html(&top_values_text(c)),
        );
    }
    html.push_str("</tbody></table></div>");
    html
}

fn top_values_text(c: &ColumnSummary) -> String {
    c.top_values.iter().map(|(v, n)| format!("{v} ({n})")).collect::<Vec<_>>().join(", ")
}

/// The line under a scanned frame's schema: where its statistics come from.
pub fn sampled_statistics_note(sample_rows: usize, source_rows: usize, source: &str) -> String {
    format!("kept as a scan of {source}: statistics from a sample of {sample_rows} rows (the first {source_rows} rows of the source, through the frame's steps)")
}

pub fn schema_text(name: &str, version: u32, rows: &str, columns: &[ColumnSummary]) -> String {
    let mut text = format!("{name} (version {version}, {rows})\n");
    for c in columns {
        let _ = write!(text, "  {}: {}, {} nulls", c.name, c.dtype, c.nulls);
        if let Some(u) = c.unique {
            let _ = write!(text, ", {u} unique");
        }
        if let (Some(min), Some(max)) = (&c.min, &c.max) {
            let _ = write!(text, ", min {min}, max {max}");
        }
        if let Some(mean) = c.mean {
            let _ = write!(text, ", mean {mean:.6}");
        }
        if !c.top_values.is_empty() {
            let _ = write!(text, ", top: {}", top_values_text(c));
        }
        text.push('\n');
    }
    text
}

fn changes_rows(kind: &str, changes: &[ColumnChange], html: &mut String, text: &mut String) {
    for c in changes {
        let dtype = match &c.previous_dtype {
            Some(previous) if previous != &c.dtype => format!("{previous} → {}", c.dtype),
            _ => c.dtype.clone(),
        };
        let examples = c.examples.join(", ");
        let _ = write!(
            html,
            "<tr><td>{kind}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape_html(&c.name),
            escape_html(&dtype),
            c.nulls,
            escape_html(&examples)
        );
        let _ = writeln!(text, "  {kind:<7} {}: {dtype}, {} nulls, e.g. {examples}", c.name, c.nulls);
    }
}

/// The HTML and text of an apply (or preview) result.
pub fn apply_views(summary: &ApplySummary, committed: bool) -> (String, String) {
    let headline = if let (true, Some(sampled)) = (committed, summary.sampled_rows) {
        format!(
            "{}: version {} → {} (kept as a scan: planned, nothing read yet; columns below from the first {sampled} rows of the source)",
            summary.name, summary.previous_version, summary.version
        )
    } else if committed {
        format!(
            "{}: version {} → {} ({} → {} rows)",
            summary.name, summary.previous_version, summary.version, summary.rows_before, summary.rows_after
        )
    } else {
        format!(
            "{}: preview on {} rows (not committed; still version {})",
            summary.name, summary.rows_after, summary.version
        )
    };
    let mut html = format!(
        "<div class=\"fe-apply\"><p><b>{}</b></p><table border=\"1\"><thead><tr><th></th><th>column</th><th>dtype</th><th>nulls</th><th>examples</th></tr></thead><tbody>",
        escape_html(&headline)
    );
    let mut text = format!("{headline}\n");
    changes_rows("new", &summary.new_columns, &mut html, &mut text);
    changes_rows("changed", &summary.changed_columns, &mut html, &mut text);
    changes_rows("dropped", &summary.dropped_columns, &mut html, &mut text);
    if summary.new_columns.is_empty() && summary.changed_columns.is_empty() && summary.dropped_columns.is_empty() {
        html.push_str("<tr><td colspan=\"5\">no column was added, changed or dropped</td></tr>");
        text.push_str("  no column was added, changed or dropped\n");
    }
    html.push_str("</tbody></table></div>");
    (html, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_cell_text() {
        assert_eq!(escape_html("<b>&\"'"), "&lt;b&gt;&amp;&quot;&#39;");
    }
}
