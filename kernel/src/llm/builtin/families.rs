// The proposals of the builtin provider, family by family: missing flags, date parts and
// cyclic encodings, logs of skewed positives, ratios, group statistics, frequencies,
// interactions and text lengths — only over columns that are not the target.

use std::collections::BTreeSet;

use super::column_roles::{self, name_words, ColumnRole, RoledColumn};
use super::python_text::{col, Feature};
use super::request_words::{self, Family};
use crate::llm::profile::{ColumnProfile, FrameProfile};

/// Most features in one proposal (a review should stay readable).
const MAX_FEATURES: usize = 30;

/// Words of amounts of money.
const MONEY: &[&str] = &["amount", "price", "cost", "revenue", "spend", "sales", "value", "income", "balance", "fee", "payment", "salary", "profit", "total"];
/// Words of counts of things.
const COUNTS: &[&str] = &["quantity", "qty", "count", "items", "units", "visits", "orders", "transactions", "sessions", "clicks", "num", "number", "n"];
/// Words too common to make two columns related.
const GENERIC: &[&str] = &["total", "avg", "mean", "sum", "num", "n", "value", "the", "of", "in", "per", "x", "y"];

pub struct Proposal {
    pub features: Vec<Feature>,
    /// Sentences for the answer: what was done, what could not be.
    pub notes: Vec<String>,
}

pub fn propose(profile: &FrameProfile, target: Option<&str>, request: &str) -> Proposal {
    let columns = column_roles::assign(profile, target);
    let reading = request_words::read(request, &columns);
    let mut families: BTreeSet<Family> = reading.families.clone();
    if families.contains(&Family::DateParts) {
        families.insert(Family::Cyclic);
    }
    let named_families = !families.is_empty();
    if !named_families {
        families = Family::ALL.into_iter().collect();
    }
    let mut book = Book::new(profile);
    let mut notes = Vec::new();
    for family in &families {
        let added = generate(*family, &columns, &reading, named_families, profile.rows, &mut book);
        if added == 0 && named_families {
            notes.push(format!("nothing for {}: {}", describe(*family), why_none(*family)));
        }
    }
    if book.features.is_empty() && named_families {
        notes.push("so these are the general proposals instead".into());
        for family in Family::ALL {
            generate(family, &columns, &reading, false, profile.rows, &mut book);
        }
    }
    if let Some(target) = target {
        notes.push(format!("no feature reads the target `{target}`"));
    }
    Proposal { features: book.features, notes }
}

/// The features so far and every name taken (so new names never clash).
struct Book {
    features: Vec<Feature>,
    taken: BTreeSet<String>,
}

impl Book {
    fn new(profile: &FrameProfile) -> Book {
        Book { features: Vec::new(), taken: profile.columns.iter().map(|c| c.name.clone()).collect() }
    }

    fn full(&self) -> bool {
        self.features.len() >= MAX_FEATURES
    }

    fn add(&mut self, group: &str, name: String, expression: String) -> usize {
        if self.full() {
            return 0;
        }
        let mut unique = name.clone();
        let mut n = 2;
        while self.taken.contains(&unique) {
            unique = format!("{name}_{n}");
            n += 1;
        }
        self.taken.insert(unique.clone());
        self.features.push(Feature { group: group.to_string(), name: unique, expression });
        1
    }
}

fn generate(
    family: Family,
    columns: &[RoledColumn<'_>],
    reading: &request_words::Reading,
    asked: bool,
    rows: usize,
    book: &mut Book,
) -> usize {
    let numbers: Vec<&ColumnProfile> = {
        let all: Vec<&ColumnProfile> = columns.iter().filter(|c| c.role == ColumnRole::Numeric).map(|c| c.column).collect();
        let named: Vec<&ColumnProfile> = all.iter().copied().filter(|c| reading.numbers.contains(&c.name)).collect();
        if named.is_empty() {
            all
        } else {
            named
        }
    };
    let by_role = |roles: &[ColumnRole]| of_role(columns, roles);
    let mut added = 0;
    match family {
        Family::MissingFlags => {
            for c in columns.iter().map(|c| c.column).filter(|c| c.nulls > 0 && c.nulls < rows).take(8) {
                added += book.add("missing flags: 1 where the value is null", format!("{}_missing", c.name), format!("{}.is_null().cast(pl.Int8)", col(&c.name)));
            }
        }
        Family::DateParts => {
            for c in by_role(&[ColumnRole::Date, ColumnRole::Datetime]).into_iter().take(3) {
                let group = format!("calendar parts of `{}`", c.name);
                let x = col(&c.name);
                // A year that never changes in this frame would be a constant column.
                let one_year = matches!((&c.min, &c.max), (Some(min), Some(max)) if min.get(..4).is_some() && min.get(..4) == max.get(..4));
                for part in ["year", "month", "day", "weekday"].into_iter().filter(|p| !(one_year && *p == "year")) {
                    added += book.add(&group, format!("{}_{part}", c.name), format!("{x}.dt.{part}()"));
                }
                added += book.add(&group, format!("{}_is_weekend", c.name), format!("({x}.dt.weekday() >= 6).cast(pl.Int8)"));
                if column_roles::role_of(c, rows) == ColumnRole::Datetime {
                    added += book.add(&group, format!("{}_hour", c.name), format!("{x}.dt.hour()"));
                }
            }
        }
        Family::Cyclic => {
            for c in by_role(&[ColumnRole::Date, ColumnRole::Datetime]).into_iter().take(3) {
                let group = format!("cyclic encodings of `{}` (December sits next to January)", c.name);
                let x = col(&c.name);
                let mut periods = vec![("month", "month()", 12), ("weekday", "weekday()", 7)];
                if column_roles::role_of(c, rows) == ColumnRole::Datetime {
                    periods.push(("hour", "hour()", 24));
                }
                for (part, call, period) in periods {
                    for wave in ["sin", "cos"] {
                        added += book.add(
                            &group,
                            format!("{}_{part}_{wave}", c.name),
                            format!("(2 * math.pi * {x}.dt.{call} / {period}).{wave}()"),
                        );
                    }
                }
            }
        }
        Family::Logs => {
            for c in numbers.iter().filter(|c| non_negative(c) && (asked || skewed(c))).take(5) {
                added += book.add("log1p of skewed non-negative numbers", format!("{}_log1p", c.name), format!("{}.log1p()", col(&c.name)));
            }
        }
        Family::Ratios => {
            let mut pairs = related_pairs(&numbers);
            if pairs.is_empty() && asked {
                pairs = numbers.windows(2).map(|w| (w[0], w[1])).collect();
            }
            for (a, b) in pairs.into_iter().take(4) {
                let (x, y) = (col(&a.name), col(&b.name));
                // A divisor that can be zero gives a null there rather than an infinity.
                let ratio = if positive(b) { format!("{x} / {y}") } else { format!("pl.when({y} != 0).then({x} / {y})") };
                added += book.add("ratios of related numbers", format!("{}_per_{}", a.name, b.name), ratio);
            }
        }
        Family::GroupStats => {
            let named: Vec<&ColumnProfile> =
                columns.iter().filter(|c| reading.keys.contains(&c.column.name)).map(|c| c.column).collect();
            let keys = if !named.is_empty() {
                named
            } else {
                let keys = by_role(&[ColumnRole::Key]);
                if keys.is_empty() {
                    by_role(&[ColumnRole::Category])
                } else {
                    keys
                }
            };
            // Unasked, one key and two numbers keep room for the other families.
            let (key_count, number_count) = if asked { (2, 3) } else { (1, 2) };
            for key in keys.into_iter().take(key_count) {
                let group = format!("statistics per `{}`", key.name);
                let k = literal_key(key);
                // Categories get their share of rows from the frequency encodings instead.
                if columns.iter().any(|c| c.column.name == key.name && c.role == ColumnRole::Key) {
                    added += book.add(&group, format!("{}_rows", key.name), format!("pl.len().over({k})"));
                }
                for x in numbers.iter().take(number_count) {
                    let v = col(&x.name);
                    added += book.add(&group, format!("{}_mean_per_{}", x.name, key.name), format!("{v}.mean().over({k})"));
                    added += book.add(&group, format!("{}_minus_mean_per_{}", x.name, key.name), format!("{v} - {v}.mean().over({k})"));
                }
            }
        }
        Family::Frequency => {
            for c in by_role(&[ColumnRole::Category, ColumnRole::Key]).into_iter().take(4) {
                if book.taken.contains(&format!("{}_rows", c.name)) {
                    continue;
                }
                added += book.add(
                    "frequency encodings: the share of rows with the same value",
                    format!("{}_freq", c.name),
                    format!("pl.len().over({}) / pl.len()", literal_key(c)),
                );
            }
        }
        Family::Interactions => {
            let firsts: Vec<&ColumnProfile> = numbers.iter().copied().take(3).collect();
            for (i, a) in firsts.iter().enumerate() {
                for b in &firsts[i + 1..] {
                    added += book.add("interactions: products of numbers", format!("{}_x_{}", a.name, b.name), format!("{} * {}", col(&a.name), col(&b.name)));
                }
            }
        }
        Family::TextStats => {
            for c in by_role(&[ColumnRole::Text]).into_iter().take(3) {
                let group = format!("length of the text in `{}`", c.name);
                added += book.add(&group, format!("{}_chars", c.name), format!("{}.str.len_chars()", col(&c.name)));
                added += book.add(&group, format!("{}_words", c.name), format!("{}.str.count_matches(r\"\\S+\")", col(&c.name)));
            }
        }
    }
    added
}

fn of_role<'a>(columns: &[RoledColumn<'a>], roles: &[ColumnRole]) -> Vec<&'a ColumnProfile> {
    columns.iter().filter(|c| roles.contains(&c.role)).map(|c| c.column).collect()
}

/// The key of `over(...)`: a plain string (a column name, as Python Polars reads it).
fn literal_key(column: &ColumnProfile) -> String {
    super::python_text::literal(&column.name)
}

/// Every non-null value is above zero (the minimum is).
fn positive(column: &ColumnProfile) -> bool {
    column.min.as_deref().and_then(|m| m.parse::<f64>().ok()).is_some_and(|m| m > 0.0)
}

fn non_negative(column: &ColumnProfile) -> bool {
    column.min.as_deref().and_then(|m| m.parse::<f64>().ok()).is_some_and(|m| m >= 0.0)
}

/// Positive values with a long right tail: the maximum is at least five times the mean.
fn skewed(column: &ColumnProfile) -> bool {
    let max = column.max.as_deref().and_then(|m| m.parse::<f64>().ok());
    match (column.mean, max) {
        (Some(mean), Some(max)) => mean > 0.0 && max >= 5.0 * mean,
        _ => false,
    }
}

/// Pairs worth dividing: a shared word (`price`, `price_avg`), two amounts of money, or an
/// amount and a count (the amount per item).
fn related_pairs<'a>(numbers: &[&'a ColumnProfile]) -> Vec<(&'a ColumnProfile, &'a ColumnProfile)> {
    let words = |c: &ColumnProfile| -> BTreeSet<String> { name_words(&c.name).into_iter().filter(|w| !w.chars().all(|ch| ch.is_ascii_digit())).collect() };
    let is = |c: &ColumnProfile, list: &[&str]| words(c).iter().any(|w| list.contains(&w.as_str()));
    let mut pairs = Vec::new();
    for (i, a) in numbers.iter().enumerate() {
        for b in &numbers[i + 1..] {
            let shared = words(a).intersection(&words(b)).any(|w| !GENERIC.contains(&w.as_str()) && !COUNTS.contains(&w.as_str()));
            let (a, b) = if is(a, COUNTS) && is(b, MONEY) { (*b, *a) } else { (*a, *b) };
            let money_per_count = is(a, MONEY) && is(b, COUNTS);
            let both_money = is(a, MONEY) && is(b, MONEY);
            if shared || money_per_count || both_money {
                pairs.push((a, b));
            }
        }
    }
    pairs
}

fn describe(family: Family) -> &'static str {
    match family {
        Family::MissingFlags => "missing flags",
        Family::DateParts => "date parts",
        Family::Cyclic => "cyclic encodings",
        Family::Logs => "log transforms",
        Family::Ratios => "ratios",
        Family::GroupStats => "group statistics",
        Family::Frequency => "frequency encodings",
        Family::Interactions => "interactions",
        Family::TextStats => "text lengths",
    }
}

fn why_none(family: Family) -> &'static str {
    match family {
        Family::MissingFlags => "no column has nulls",
        Family::DateParts | Family::Cyclic => "no date or datetime column",
        Family::Logs => "no non-negative numeric column",
        Family::Ratios => "no two related numeric columns",
        Family::Interactions => "fewer than two numeric columns",
        Family::GroupStats => "no key or category column to group by",
        Family::Frequency => "no category or key column",
        Family::TextStats => "no free-text column",
    }
}
