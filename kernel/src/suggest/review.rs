// The review of a suggestion: the code, the new columns from the sample run (dtype, nulls,
// distinct values, examples), warnings, and provenance — as Markdown with text/plain beside.

use std::fmt::Write;

use fe_worker::protocol::{ApplySummary, ColumnChange};
use serde_json::Value;

use super::repair_loop::Round;
use crate::llm::describe_duration;
use crate::llm::prompt::Prompt;
use crate::server::interpreter::MimeBundle;

/// A share of nulls from which a column counts as mostly null.
const MOSTLY_NULL: f64 = 0.5;

pub struct ReviewFacts<'a> {
    pub frame: &'a str,
    pub code: &'a str,
    pub preview: &'a ApplySummary,
    pub target: Option<&'a str>,
    pub provider: &'a str,
    pub rounds: &'a [Round],
    pub prompt: &'a Prompt,
    /// Set in `mode=direct`: what the apply committed.
    pub applied: Option<&'a ApplySummary>,
}

/// What a reviewer should look at twice.
pub fn warnings(preview: &ApplySummary, target: Option<&str>) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(target) = target.filter(|t| preview.columns_read.iter().any(|c| c == t)) {
        out.push(format!(
            "target leakage: the code reads the target `{target}`; a model trained on these features would learn the label from them"
        ));
    }
    let rows = preview.rows_after.max(1) as f64;
    for column in &preview.new_columns {
        let share = column.nulls as f64 / rows;
        if column.nulls == preview.rows_after && preview.rows_after > 0 {
            out.push(format!("`{}` is null in every row of the sample", column.name));
        } else if column.unique == Some(1) {
            let value = column.examples.first().map(|v| format!(" ({v})")).unwrap_or_default();
            out.push(format!("`{}` is constant on the sample{value}: it tells rows apart by nothing", column.name));
        } else if share >= MOSTLY_NULL {
            out.push(format!("`{}` is mostly null on the sample ({:.0}% null)", column.name, 100.0 * share));
        }
        if let Some(original) = &column.same_as {
            out.push(format!("`{}` duplicates the existing column `{original}` (same dtype and values)", column.name));
        }
    }
    if preview.rows_after != preview.rows_before {
        out.push(format!(
            "the code changes the number of rows ({} → {} on the sample)",
            preview.rows_before, preview.rows_after
        ));
    }
    if !preview.changed_columns.is_empty() {
        out.push(format!("the code changes existing columns: {}", names(&preview.changed_columns)));
    }
    if !preview.dropped_columns.is_empty() {
        out.push(format!("the code drops columns: {}", names(&preview.dropped_columns)));
    }
    if preview.new_columns.is_empty() {
        out.push("the code adds no column".into());
    }
    out
}

pub fn render(facts: &ReviewFacts<'_>) -> MimeBundle {
    let preview = facts.preview;
    let warnings = warnings(preview, facts.target);
    let mut md = String::new();
    let mut text = String::new();
    let headline = match facts.applied {
        Some(applied) => format!("Suggestion for `{}`, applied at once (mode=direct): now version {}", facts.frame, applied.version),
        None => format!("Suggestion for `{}`: review it, then run the cell below to apply it", facts.frame),
    };
    let _ = writeln!(md, "### {headline}\n\n```python\n{}```\n", facts.code);
    let _ = writeln!(text, "{headline}\n\n{}", indent(facts.code));

    let sample = format!("on the first {} rows, not committed", thousands(preview.rows_before));
    if preview.new_columns.is_empty() {
        let _ = writeln!(md, "**New columns** ({sample}): none\n");
        let _ = writeln!(text, "New columns ({sample}): none\n");
    } else {
        let _ = writeln!(md, "**New columns** ({sample})\n\n| column | dtype | null % | distinct | examples |\n|---|---|---|---|---|");
        let _ = writeln!(text, "New columns ({sample}):");
        let width = preview.new_columns.iter().map(|c| c.name.chars().count()).max().unwrap_or(0);
        for column in &preview.new_columns {
            let nulls = null_percent(column, preview.rows_after);
            let distinct = column.unique.map(thousands).unwrap_or_else(|| "–".into());
            let examples = column.examples.join(", ");
            let _ = writeln!(
                md,
                "| `{}` | {} | {nulls} | {distinct} | {} |",
                cell(&column.name),
                cell(&column.dtype),
                cell(&examples)
            );
            let _ = writeln!(text, "  {:<width$}  {:<12} {:>6} null  {:>7} distinct  {examples}", column.name, column.dtype, nulls, distinct);
        }
        md.push('\n');
        text.push('\n');
    }

    if warnings.is_empty() {
        md.push_str("**Warnings**: none\n\n");
        text.push_str("Warnings: none\n\n");
    } else {
        md.push_str("**Warnings**\n\n");
        text.push_str("Warnings:\n");
        for warning in &warnings {
            let _ = writeln!(md, "- ⚠️ {}", markdown_text(warning));
            let _ = writeln!(text, "  ! {warning}");
        }
        md.push('\n');
        text.push('\n');
    }

    let provenance = provenance_line(facts);
    let _ = writeln!(md, "**Provenance**: {}\n", markdown_text(&provenance));
    let _ = writeln!(text, "Provenance: {provenance}\n");
    if !facts.prompt.left_out.is_empty() {
        let note = format!("The prompt left out, to fit {} tokens: {}.", facts.prompt.budget, facts.prompt.left_out.join("; "));
        let _ = writeln!(md, "{}\n", markdown_text(&note));
        let _ = writeln!(text, "{note}\n");
    }
    let next = match facts.applied {
        Some(_) => format!("Undo with `%fe undo {}`; `%fe history {}` shows the provenance.", facts.frame, facts.frame),
        None => format!(
            "The next cell holds this code as `%%fe apply {}`: edit it if you like; running it is the approval.",
            facts.frame
        ),
    };
    let _ = writeln!(md, "{next}");
    let _ = writeln!(text, "{next}");

    let mut bundle = MimeBundle::new();
    bundle.insert("text/markdown".into(), Value::String(md));
    bundle.insert("text/plain".into(), Value::String(text));
    bundle
}

fn provenance_line(facts: &ReviewFacts<'_>) -> String {
    let model = facts.rounds.last().map(|r| r.model.as_str()).unwrap_or("");
    let sum = |pick: fn(&Round) -> Option<u64>| -> Option<u64> {
        facts.rounds.iter().map(pick).try_fold(0u64, |total, n| n.map(|n| total + n))
    };
    let tokens_in = sum(|r| r.usage.input_tokens);
    let tokens_out = sum(|r| r.usage.output_tokens);
    let latency: std::time::Duration = facts.rounds.iter().map(|r| r.latency).sum();
    let hits = facts.rounds.iter().filter(|r| r.cache_hit).count();
    let mut line = format!("{} · {model}", facts.provider);
    match (tokens_in, tokens_out) {
        (Some(i), Some(o)) => {
            let _ = write!(line, " · tokens in/out {} / {}", thousands(i as usize), thousands(o as usize));
        }
        _ if facts.provider == crate::llm::builtin::PROVIDER => line.push_str(" · no tokens (offline)"),
        _ => line.push_str(" · tokens not reported by the provider"),
    }
    let _ = write!(line, " · {}", describe_duration(latency));
    let attempts: u32 = facts.rounds.iter().map(|r| r.attempts).sum();
    let requests = facts.rounds.iter().filter(|r| !r.cache_hit && r.attempts > 0).count() as u32;
    if attempts > requests {
        let _ = write!(line, " · {} HTTP attempts for {requests} request{}", attempts, if requests == 1 { "" } else { "s" });
    }
    let _ = write!(
        line,
        " · cache {}",
        match hits {
            0 => "miss".to_string(),
            n if n == facts.rounds.len() => "hit (nothing paid again)".to_string(),
            n => format!("hit for {n} of {} requests", facts.rounds.len()),
        }
    );
    let repairs = facts.rounds.len().saturating_sub(1);
    if repairs > 0 {
        let why: Vec<&str> = facts.rounds.iter().filter_map(|r| r.sent_back.as_deref()).collect();
        let _ = write!(line, " · {repairs} repair{} ({})", if repairs == 1 { "" } else { "s" }, why.join("; "));
    }
    let _ = write!(line, " · prompt {} ({} tokens)", facts.prompt.hash(), thousands(facts.prompt.tokens()));
    line
}

fn names(columns: &[ColumnChange]) -> String {
    columns.iter().map(|c| format!("`{}`", c.name)).collect::<Vec<_>>().join(", ")
}

fn null_percent(column: &ColumnChange, rows: usize) -> String {
    if rows == 0 {
        return "–".into();
    }
    format!("{:.1}%", 100.0 * column.nulls as f64 / rows as f64)
}

fn indent(code: &str) -> String {
    code.lines().map(|l| format!("    {l}\n")).collect()
}

/// Text inside a Markdown table cell.
fn cell(text: &str) -> String {
    markdown_text(text).replace('|', "\\|").replace('`', "'").replace('\n', " ")
}

/// Plain text made safe for Markdown (no raw HTML).
fn markdown_text(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(name: &str, nulls: usize, unique: Option<usize>, examples: &[&str], same_as: Option<&str>) -> ColumnChange {
        ColumnChange {
            name: name.into(),
            dtype: "Float64".into(),
            previous_dtype: None,
            nulls,
            examples: examples.iter().map(|e| e.to_string()).collect(),
            unique,
            same_as: same_as.map(str::to_string),
        }
    }

    fn preview(new_columns: Vec<ColumnChange>, columns_read: &[&str]) -> ApplySummary {
        ApplySummary {
            name: "tx".into(),
            previous_version: 2,
            version: 2,
            rows_before: 10,
            rows_after: 10,
            new_columns,
            changed_columns: Vec::new(),
            dropped_columns: Vec::new(),
            columns_read: columns_read.iter().map(|c| c.to_string()).collect(),
            sampled_rows: None,
            html: String::new(),
            text: String::new(),
        }
    }

    #[test]
    fn every_kind_of_warning_is_raised() {
        let summary = preview(
            vec![
                change("good", 0, Some(10), &["1.5", "2.5"], None),
                change("constant", 0, Some(1), &["7"], None),
                change("sparse", 8, Some(3), &["1", "2"], None),
                change("empty", 10, Some(1), &[], None),
                change("copy", 0, Some(10), &["1"], Some("amount")),
            ],
            &["amount", "churned"],
        );
        let found = warnings(&summary, Some("churned"));
        assert_eq!(found.len(), 5, "{found:#?}");
        assert!(found[0].starts_with("target leakage: the code reads the target `churned`"));
        assert_eq!(found[1], "`constant` is constant on the sample (7): it tells rows apart by nothing");
        assert_eq!(found[2], "`sparse` is mostly null on the sample (80% null)");
        assert_eq!(found[3], "`empty` is null in every row of the sample");
        assert_eq!(found[4], "`copy` duplicates the existing column `amount` (same dtype and values)");
        assert!(warnings(&summary, Some("label")).iter().all(|w| !w.contains("leakage")));
        assert_eq!(warnings(&preview(Vec::new(), &[]), None), ["the code adds no column"]);
    }
}
