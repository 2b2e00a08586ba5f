// The user message of a suggestion: the frame's statistics, the target, optional sample rows
// and the request, fitted into a token budget by dropping detail step by step (and saying so).

use std::fmt::Write;

use sha2::{Digest, Sha256};

use super::profile::{ColumnProfile, DtypeKind, FrameProfile};
use super::tokens;

/// Low-cardinality columns (at most this many distinct values) show their top values.
const TOP_VALUES_UP_TO: usize = 20;
/// Longest value text shown.
const VALUE_CHARS: usize = 30;
/// Columns kept in full when the rest is only listed by name.
const KEY_COLUMNS: usize = 40;

/// Sample rows the user opted into (`samples=N`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SampleText {
    pub rows: usize,
    pub csv: String,
}

pub struct PromptInput<'a> {
    pub system: &'a str,
    pub profile: &'a FrameProfile,
    pub target: Option<&'a str>,
    pub request: &'a str,
    pub samples: Option<&'a SampleText>,
    /// Most tokens for system + user message.
    pub budget: usize,
}

/// How much of each column the prompt shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Every statistic of every column.
    Full,
    /// Dtype, nulls and distinct count per column; full statistics for key columns.
    Brief,
    /// Names grouped by dtype; full statistics for key columns.
    Grouped,
    /// As `Grouped`, with at most this many names per dtype.
    Truncated(usize),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Prompt {
    pub system: String,
    pub user: String,
    pub system_tokens: usize,
    pub user_tokens: usize,
    pub detail: Detail,
    /// What was left out to fit the budget, in words.
    pub left_out: Vec<String>,
    pub budget: usize,
}

impl Prompt {
    pub fn tokens(&self) -> usize {
        self.system_tokens + self.user_tokens
    }

    /// A short, stable name for this prompt (recorded with applies that came from it).
    pub fn hash(&self) -> String {
        let digest = Sha256::digest(format!("{}\u{0}{}", self.system, self.user).as_bytes());
        hex::encode(digest)[..12].to_string()
    }
}

/// The richest prompt that fits the budget (the smallest one if none does).
pub fn build(input: &PromptInput<'_>) -> Prompt {
    let system_tokens = tokens::count_message(input.system);
    let mut candidates: Vec<(Detail, bool)> = Vec::new();
    if input.samples.is_some() {
        candidates.extend([(Detail::Full, true), (Detail::Brief, true)]);
    }
    candidates.extend([(Detail::Full, false), (Detail::Brief, false), (Detail::Grouped, false)]);
    candidates.extend([50, 20, 10, 5, 2].map(|names| (Detail::Truncated(names), false)));
    let mut smallest = None;
    for (detail, with_samples) in candidates {
        let (user, left_out) = user_message(input, detail, with_samples);
        let user_tokens = tokens::count_message(&user);
        let prompt = Prompt {
            system: input.system.to_string(),
            user,
            system_tokens,
            user_tokens,
            detail,
            left_out,
            budget: input.budget,
        };
        if prompt.tokens() <= input.budget {
            return prompt;
        }
        smallest = Some(prompt);
    }
    let mut prompt = smallest.expect("there is always a candidate");
    prompt.left_out.push(format!("even so the prompt is over the budget of {} tokens", input.budget));
    prompt
}

fn user_message(input: &PromptInput<'_>, detail: Detail, with_samples: bool) -> (String, Vec<String>) {
    let profile = input.profile;
    let mut left_out = Vec::new();
    let mut text = format!(
        "Frame `{}` (bound to `df`): {} rows × {} columns.\n",
        profile.name,
        thousands(profile.rows),
        profile.columns.len()
    );
    match input.target {
        Some(target) => {
            let _ = writeln!(
                text,
                "Target: {} (the label the features will predict). No feature may read it: that leaks the label.",
                quoted(target)
            );
        }
        None => text.push_str("No target column was named.\n"),
    }
    let key = key_columns(input);
    match detail {
        Detail::Full => {
            text.push_str("\nColumns (dtype · nulls · distinct values · range, mean or top values):\n");
            for column in &profile.columns {
                let _ = writeln!(text, "- {}", full_line(column, profile.rows, input.target));
            }
        }
        Detail::Brief => {
            text.push_str("\nColumns (dtype · nulls · distinct values; more for key columns):\n");
            let mut shortened = 0;
            for column in &profile.columns {
                if key.contains(&column.name.as_str()) {
                    let _ = writeln!(text, "- {}", full_line(column, profile.rows, input.target));
                } else {
                    let _ = writeln!(text, "- {}", brief_line(column, profile.rows));
                    shortened += 1;
                }
            }
            if shortened > 0 {
                left_out.push(format!("min/max/mean and top values of {shortened} columns"));
            }
        }
        Detail::Grouped | Detail::Truncated(_) => {
            let names_per_kind = match detail {
                Detail::Truncated(names) => Some(names),
                _ => None,
            };
            let (listing, names_left) = grouped_listing(profile, names_per_kind);
            text.push_str("\nColumns by dtype (names only):\n");
            text.push_str(&listing);
            let keys: Vec<&ColumnProfile> = profile.columns.iter().filter(|c| key.contains(&c.name.as_str())).collect();
            if !keys.is_empty() {
                text.push_str("\nKey columns in detail:\n");
                for column in &keys {
                    let _ = writeln!(text, "- {}", full_line(column, profile.rows, input.target));
                }
            }
            left_out.push(format!("the statistics of {} columns", profile.columns.len() - keys.len()));
            if names_left > 0 {
                left_out.push(format!("the names of {names_left} columns"));
            }
        }
    }
    match input.samples {
        Some(samples) if with_samples => {
            let _ = write!(text, "\nThe first {} rows as CSV (the user opted in with `samples`):\n{}", samples.rows, samples.csv);
            if !samples.csv.ends_with('\n') {
                text.push('\n');
            }
        }
        Some(samples) => left_out.push(format!("the {} sample rows", samples.rows)),
        None => {}
    }
    if !left_out.is_empty() {
        let _ = writeln!(
            text,
            "\nLeft out to fit the prompt budget: {}. Ask for nothing that needs them; `%fe schema {}` shows everything.",
            left_out.join("; "),
            profile.name
        );
    }
    let _ = write!(text, "\nRequest: {}\n", input.request.trim());
    text.push_str("\nAnswer with one ```python block that assigns the new frame to `df`.\n");
    (text, left_out)
}

/// Columns worth their full statistics when others are cut short: the target, dates,
/// categories, identifiers, and columns the request names.
fn key_columns<'a>(input: &PromptInput<'a>) -> Vec<&'a str> {
    let profile = input.profile;
    let request = input.request.to_lowercase();
    let mut key: Vec<&str> = Vec::new();
    let mut push = |name: &'a str| {
        if key.len() < KEY_COLUMNS && !key.contains(&name) {
            key.push(name);
        }
    };
    if let Some(target) = input.target.and_then(|t| profile.column(t)) {
        push(&target.name);
    }
    for column in &profile.columns {
        if column.name.len() >= 3 && request.contains(&column.name.to_lowercase()) {
            push(&column.name);
        }
    }
    for column in &profile.columns {
        let low_cardinality = column.unique.is_some_and(|u| u <= TOP_VALUES_UP_TO);
        let interesting = match column.kind() {
            DtypeKind::Date | DtypeKind::Datetime => true,
            DtypeKind::String | DtypeKind::Categorical => low_cardinality || column.is_all_distinct(profile.rows),
            DtypeKind::Integer => column.is_all_distinct(profile.rows),
            _ => false,
        };
        if interesting {
            push(&column.name);
        }
    }
    key
}

fn full_line(column: &ColumnProfile, rows: usize, target: Option<&str>) -> String {
    let mut line = format!("{}: {}", quoted(&column.name), column.dtype);
    if target == Some(column.name.as_str()) {
        line.push_str(" · TARGET (never read it)");
    }
    push_nulls_and_unique(&mut line, column, rows);
    let low_cardinality = column.unique.is_some_and(|u| u <= TOP_VALUES_UP_TO);
    let text_like = matches!(column.kind(), DtypeKind::String | DtypeKind::Categorical | DtypeKind::Boolean);
    if text_like && low_cardinality && !column.top_values.is_empty() {
        let top: Vec<String> = column
            .top_values
            .iter()
            .map(|(value, count)| format!("{} {}", shorten(value), percent(*count, rows)))
            .collect();
        let _ = write!(line, " · top: {}", top.join(", "));
    } else {
        // A text column's min and max are two of its values: statistics only, no raw values.
        let ranged = !matches!(column.kind(), DtypeKind::String | DtypeKind::Categorical | DtypeKind::Other | DtypeKind::List);
        if let (Some(min), Some(max), true) = (&column.min, &column.max, ranged) {
            let _ = write!(line, " · {} … {}", shorten(min), shorten(max));
        }
        if let Some(mean) = column.mean.filter(|_| column.kind().is_numeric()) {
            let _ = write!(line, " · mean {}", significant(mean));
        }
    }
    line
}

fn brief_line(column: &ColumnProfile, rows: usize) -> String {
    let mut line = format!("{}: {}", quoted(&column.name), column.dtype);
    push_nulls_and_unique(&mut line, column, rows);
    line
}

fn push_nulls_and_unique(line: &mut String, column: &ColumnProfile, rows: usize) {
    if column.nulls > 0 {
        let _ = write!(line, " · nulls {}", percent(column.nulls, rows));
    }
    if column.is_all_distinct(rows) {
        line.push_str(" · all distinct");
    } else if let Some(unique) = column.unique {
        let _ = write!(line, " · {} distinct", thousands(unique));
    }
}

/// `float (850): sensor_0001 … sensor_0850, ratio_a, ratio_b` per dtype family, in frame
/// order; returns the listing and how many names were left out.
fn grouped_listing(profile: &FrameProfile, names_per_kind: Option<usize>) -> (String, usize) {
    let mut kinds: Vec<DtypeKind> = Vec::new();
    for column in &profile.columns {
        if !kinds.contains(&column.kind()) {
            kinds.push(column.kind());
        }
    }
    let mut text = String::new();
    let mut names_left = 0;
    for kind in kinds {
        let members: Vec<&ColumnProfile> = profile.columns.iter().filter(|c| c.kind() == kind).collect();
        let dtypes: Vec<&str> = {
            let mut seen: Vec<&str> = Vec::new();
            for c in &members {
                if !seen.contains(&c.dtype.as_str()) {
                    seen.push(&c.dtype);
                }
            }
            seen
        };
        let with_nulls = members.iter().filter(|c| c.nulls > 0).count();
        let names: Vec<&str> = members.iter().map(|c| c.name.as_str()).collect();
        let runs = name_runs(&names);
        let shown = names_per_kind.map_or(runs.len(), |n| n.min(runs.len()));
        let mut listed: Vec<String> = runs[..shown].iter().map(NameRun::render).collect();
        let left: usize = runs[shown..].iter().map(|r| r.count).sum();
        if left > 0 {
            listed.push(format!("… and {left} more"));
            names_left += left;
        }
        let _ = writeln!(
            text,
            "- {} ({}; {} columns{}): {}",
            kind.label(),
            dtypes.join(", "),
            members.len(),
            if with_nulls > 0 { format!(", {with_nulls} with nulls") } else { String::new() },
            listed.join(", ")
        );
    }
    (text, names_left)
}

/// Consecutive names that differ only in a counting number, e.g. `px_1` … `px_784`.
#[derive(Debug, PartialEq)]
struct NameRun {
    first: String,
    last: String,
    count: usize,
}

impl NameRun {
    fn render(&self) -> String {
        match self.count {
            1 => quoted(&self.first),
            2 => format!("{}, {}", quoted(&self.first), quoted(&self.last)),
            n => format!("{} … {} ({n})", quoted(&self.first), quoted(&self.last)),
        }
    }
}

fn name_runs(names: &[&str]) -> Vec<NameRun> {
    let mut runs: Vec<NameRun> = Vec::new();
    let mut previous: Option<(String, u64, String)> = None;
    for name in names {
        let parts = numbered(name);
        let continues = match (&previous, &parts) {
            (Some((prefix, number, suffix)), Some((p, n, s))) => prefix == p && suffix == s && *n == number + 1,
            _ => false,
        };
        match runs.last_mut() {
            Some(run) if continues => {
                run.last = name.to_string();
                run.count += 1;
            }
            _ => runs.push(NameRun { first: name.to_string(), last: name.to_string(), count: 1 }),
        }
        previous = parts;
    }
    runs
}

/// `sensor_0042_raw` → (`sensor_`, 42, `_raw`): the last run of digits.
fn numbered(name: &str) -> Option<(String, u64, String)> {
    let end = name.rfind(|c: char| c.is_ascii_digit())? + 1;
    let start = name[..end].rfind(|c: char| !c.is_ascii_digit()).map_or(0, |i| i + 1);
    let number = name[start..end].parse().ok()?;
    Some((name[..start].to_string(), number, name[end..].to_string()))
}

/// A column name as the prompt writes it: bare when it is an identifier, else in backticks.
fn quoted(name: &str) -> String {
    let identifier = name.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_alphanumeric() || c == '_');
    if identifier {
        name.to_string()
    } else {
        format!("`{}`", name.replace('`', "'"))
    }
}

fn shorten(value: &str) -> String {
    let one_line = value.replace('\n', " ");
    if one_line.chars().count() <= VALUE_CHARS {
        return one_line;
    }
    let mut cut: String = one_line.chars().take(VALUE_CHARS - 1).collect();
    cut.push('…');
    cut
}

fn percent(count: usize, rows: usize) -> String {
    if rows == 0 {
        return "0%".into();
    }
    let share = 100.0 * count as f64 / rows as f64;
    if share > 0.0 && share < 0.1 {
        "<0.1%".into()
    } else if share < 10.0 {
        format!("{share:.1}%")
    } else {
        format!("{share:.0}%")
    }
}

/// Four significant digits, without exponent for everyday magnitudes.
fn significant(value: f64) -> String {
    if value == 0.0 || !value.is_finite() {
        return value.to_string();
    }
    let magnitude = value.abs().log10().floor() as i32;
    if !(-4..=9).contains(&magnitude) {
        return format!("{value:.3e}");
    }
    let decimals = (3 - magnitude).max(0) as usize;
    let text = format!("{value:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
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
pub mod testing {
    // Wide synthetic frames, as a notebook with hundreds of sensors or one-hot columns has.

    use super::*;

    pub fn wide_profile(columns: usize) -> FrameProfile {
        let rows = 50_000;
        let mut list = vec![
            column("customer_id", "Int64", 0, Some(4_000), Some(("1", "4000")), None, vec![]),
            column("signup", "Date", 0, Some(900), Some(("2021-01-01", "2024-06-30")), None, vec![]),
            column("plan", "String", 120, Some(4), None, None, vec![("basic".into(), 30_000), ("pro".into(), 15_000)]),
            column("churned", "Boolean", 0, Some(2), Some(("false", "true")), Some(0.18), vec![("false".into(), 41_000), ("true".into(), 9_000)]),
        ];
        let mut i = 0;
        while list.len() < columns {
            let (name, dtype) = match i % 10 {
                0..=5 => (format!("sensor_{i:04}"), "Float64"),
                6 | 7 => (format!("count_{i:04}"), "Int64"),
                8 => (format!("flag_{i:04}"), "Boolean"),
                _ => (format!("region_code_{i:04}"), "String"),
            };
            let nulls = if i % 7 == 0 { 1_250 } else { 0 };
            let stats = if dtype == "String" { None } else { Some(("0.0", "998.25")) };
            list.push(column(&name, dtype, nulls, Some(10_000 + i), stats, Some(12.5 + i as f64), vec![]));
            i += 1;
        }
        list.truncate(columns);
        FrameProfile { name: "wide".into(), rows, columns: list }
    }

    pub fn column(
        name: &str,
        dtype: &str,
        nulls: usize,
        unique: Option<usize>,
        range: Option<(&str, &str)>,
        mean: Option<f64>,
        top_values: Vec<(String, usize)>,
    ) -> ColumnProfile {
        ColumnProfile {
            name: name.into(),
            dtype: dtype.into(),
            nulls,
            unique,
            min: range.map(|r| r.0.to_string()),
            max: range.map(|r| r.1.to_string()),
            mean,
            top_values,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;

    const SYSTEM: &str = "You write Python Polars feature code. Rules: …";

    fn build_for(columns: usize, budget: usize) -> Prompt {
        let profile = wide_profile(columns);
        build(&PromptInput { system: SYSTEM, profile: &profile, target: Some("churned"), request: "features per customer", samples: None, budget })
    }

    #[test]
    fn ten_columns_are_shown_in_full() {
        let prompt = build_for(10, 8_000);
        assert_eq!(prompt.detail, Detail::Full);
        assert!(prompt.left_out.is_empty());
        assert!(prompt.user.contains("- plan: String · nulls 0.2% · 4 distinct · top: basic 60%, pro 30%"), "{}", prompt.user);
        assert!(prompt.user.contains("- sensor_0000: Float64 · nulls 2.5% · 10,000 distinct · 0.0 … 998.25 · mean 12.5"), "{}", prompt.user);
        assert!(prompt.user.contains("churned: Boolean · TARGET (never read it)"));
        assert!(prompt.user.contains("Request: features per customer"));
        assert!(prompt.tokens() < 1_000, "{}", prompt.tokens());
    }

    #[test]
    fn a_hundred_columns_fit_the_budget() {
        let prompt = build_for(100, 8_000);
        assert!(prompt.tokens() <= 8_000, "{}", prompt.tokens());
        assert!(prompt.user.contains("sensor_0095"), "every name is still there");
    }

    #[test]
    fn a_thousand_columns_fit_about_eight_thousand_tokens_and_say_what_was_cut() {
        let prompt = build_for(1_000, 8_000);
        assert!(prompt.tokens() <= 8_000, "{} tokens", prompt.tokens());
        assert_ne!(prompt.detail, Detail::Full);
        assert!(!prompt.left_out.is_empty());
        assert!(prompt.user.contains("Left out to fit the prompt budget:"), "{}", prompt.user);
        // The key columns keep their statistics however wide the frame is.
        assert!(prompt.user.contains("- plan: String · nulls 0.2% · 4 distinct · top: basic 60%, pro 30%"));
        assert!(prompt.user.contains("churned: Boolean · TARGET"));
        // A tighter budget drops more, down to names per dtype.
        let tight = build_for(1_000, 2_500);
        assert!(tight.tokens() <= 2_500, "{}", tight.tokens());
        assert!(matches!(tight.detail, Detail::Grouped | Detail::Truncated(_)), "{:?}", tight.detail);
    }

    #[test]
    fn token_counts_of_wide_frames() {
        // The numbers the README quotes: print them with `--nocapture`.
        for columns in [10, 100, 1_000] {
            let prompt = build_for(columns, 8_000);
            println!(
                "prompt for {columns:>5} columns: {:>5} tokens (system {}, user {}), detail {:?}, left out: {:?}",
                prompt.tokens(),
                prompt.system_tokens,
                prompt.user_tokens,
                prompt.detail,
                prompt.left_out
            );
            assert!(prompt.tokens() <= 8_000);
        }
    }

    #[test]
    fn numbered_names_collapse_into_runs() {
        let names = ["px_1", "px_2", "px_3", "label", "v7", "v8"];
        let runs: Vec<String> = name_runs(&names).iter().map(NameRun::render).collect();
        assert_eq!(runs, ["px_1 … px_3 (3)", "label", "v7, v8"]);
        assert_eq!(numbered("sensor_0042_raw"), Some(("sensor_".into(), 42, "_raw".into())));
        assert_eq!(quoted("order amount"), "`order amount`");
    }

    #[test]
    fn sample_rows_are_included_only_when_opted_in_and_dropped_first() {
        let profile = wide_profile(10);
        let samples = SampleText { rows: 2, csv: "customer_id,plan\n1,basic\n2,pro\n".into() };
        let input = PromptInput { system: SYSTEM, profile: &profile, target: None, request: "dates", samples: Some(&samples), budget: 8_000 };
        let prompt = build(&input);
        assert!(prompt.user.contains("The first 2 rows as CSV"), "{}", prompt.user);
        let without = build(&PromptInput { samples: None, ..input });
        assert!(!without.user.contains("rows as CSV"));
        let wide = wide_profile(1_000);
        let huge = SampleText { rows: 5, csv: "x,".repeat(5_000) };
        let squeezed = build(&PromptInput { profile: &wide, samples: Some(&huge), ..input });
        assert!(!squeezed.user.contains("rows as CSV"));
        assert!(squeezed.left_out.iter().any(|l| l == "the 5 sample rows"), "{:?}", squeezed.left_out);
    }

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(significant(45.2149), "45.21");
        assert_eq!(significant(1_234_567.0), "1234567");
        assert_eq!(significant(0.000_123_4), "0.0001234");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(percent(1, 3), "33%");
        assert_eq!(percent(1, 5000), "<0.1%");
    }
}
