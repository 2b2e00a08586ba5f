// Reading the user's request: which families of features it asks for ("dates", "ratios",
// "missing") and which columns it is about ("per customer", "spending").

use std::collections::BTreeSet;

use super::column_roles::{name_words, ColumnRole, RoledColumn};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Family {
    MissingFlags,
    DateParts,
    Cyclic,
    Logs,
    Ratios,
    GroupStats,
    Frequency,
    Interactions,
    TextStats,
}

impl Family {
    pub const ALL: [Family; 9] = [
        Family::MissingFlags,
        Family::DateParts,
        Family::Cyclic,
        Family::Logs,
        Family::Ratios,
        Family::GroupStats,
        Family::Frequency,
        Family::Interactions,
        Family::TextStats,
    ];
}

/// Words that ask for a family.
const FAMILY_WORDS: &[(Family, &[&str])] = &[
    (Family::MissingFlags, &["missing", "null", "nulls", "nan", "na", "empty", "absent"]),
    (Family::DateParts, &["date", "dates", "time", "day", "days", "week", "weekday", "weekend", "month", "year", "calendar", "temporal", "season", "seasonal", "hour"]),
    (Family::Cyclic, &["cyclic", "cyclical", "periodic", "sin", "cos", "season", "seasonal"]),
    (Family::Logs, &["log", "logs", "skew", "skewed", "transform", "transforms"]),
    (Family::Ratios, &["ratio", "ratios", "proportion", "proportions", "share", "relative", "rate", "rates", "divide", "fraction"]),
    (Family::GroupStats, &["group", "groups", "aggregate", "aggregates", "aggregation", "average", "mean", "statistics", "stats", "per", "each"]),
    (Family::Frequency, &["frequency", "frequencies", "count", "counts", "encoding", "encode", "encodings", "popularity", "categorical", "categories"]),
    (Family::Interactions, &["interaction", "interactions", "product", "products", "cross", "combine", "combination", "combinations"]),
    (Family::TextStats, &["text", "length", "lengths", "words", "string", "strings"]),
];

/// Words for money: a request about "spending" is about the amount and price columns.
const MONEY_WORDS: &[&str] = &[
    "amount", "spend", "spending", "spent", "money", "revenue", "sales", "price", "cost", "paid", "payment",
    "value", "income", "balance", "fee", "charge", "total", "salary", "profit",
];

/// Words after which a column is named as a grouping key.
const KEY_MARKERS: &[&str] = &["per", "by", "each", "every", "within", "across", "over"];

/// What a request asks for.
#[derive(Debug, Default, PartialEq)]
pub struct Reading {
    /// The families named; empty when the request names none (then every family applies).
    pub families: BTreeSet<Family>,
    /// Keys the request groups by ("per customer" → `customer_id`).
    pub keys: Vec<String>,
    /// Numeric columns the request is about.
    pub numbers: Vec<String>,
}

pub fn read(request: &str, columns: &[RoledColumn<'_>]) -> Reading {
    let words: Vec<String> = name_words(request);
    let mut reading = Reading::default();
    for (family, family_words) in FAMILY_WORDS {
        // "per" and "each" ask for group statistics only when a key follows.
        if *family == Family::GroupStats {
            continue;
        }
        if words.iter().any(|w| family_words.contains(&w.as_str())) {
            reading.families.insert(*family);
        }
    }
    let groupable = |role: ColumnRole| matches!(role, ColumnRole::Key | ColumnRole::Category);
    for (i, word) in words.iter().enumerate() {
        let marked = i > 0 && KEY_MARKERS.contains(&words[i - 1].as_str());
        let named_key = columns.iter().find(|c| groupable(c.role) && mentions(&c.column.name, word));
        if let Some(key) = named_key {
            if (marked || word.len() >= 4) && !reading.keys.contains(&key.column.name) {
                reading.keys.push(key.column.name.clone());
            }
        }
    }
    let group_words = FAMILY_WORDS.iter().find(|(f, _)| *f == Family::GroupStats).map(|(_, w)| *w).unwrap_or(&[]);
    if !reading.keys.is_empty() || words.iter().any(|w| group_words.contains(&w.as_str()) && w != "per" && w != "each") {
        reading.families.insert(Family::GroupStats);
    }
    let about_money = words.iter().any(|w| MONEY_WORDS.contains(&w.as_str()));
    for column in columns.iter().filter(|c| c.role == ColumnRole::Numeric) {
        let named = words.iter().any(|w| w.len() >= 3 && mentions(&column.column.name, w));
        let money = about_money && name_words(&column.column.name).iter().any(|w| MONEY_WORDS.contains(&w.as_str()));
        if named || money {
            reading.numbers.push(column.column.name.clone());
        }
    }
    reading
}

/// Whether `word` of the request names the column (a word of the name, or a shared stem of
/// at least four letters: "spending" names `spend`).
fn mentions(column: &str, word: &str) -> bool {
    name_words(column).iter().any(|part| {
        part == word || (part.len() >= 4 && word.len() >= 4 && (word.starts_with(part.as_str()) || part.starts_with(word)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::llm::builtin::column_roles::assign;
    use crate::llm::profile::FrameProfile;
    use crate::llm::prompt::testing::column;

    fn profile() -> FrameProfile {
        FrameProfile {
            name: "tx".into(),
            rows: 1000,
            columns: vec![
                column("customer_id", "Int64", 0, Some(80), Some(("1", "80")), None, vec![]),
                column("amount", "Float64", 3, Some(900), Some(("0.5", "990")), Some(40.0), vec![]),
                column("quantity", "Int64", 0, Some(9), Some(("1", "9")), Some(2.0), vec![]),
                column("ts", "Datetime(time_unit='us', time_zone=None)", 0, Some(1000), None, None, vec![]),
                column("channel", "String", 0, Some(3), None, None, vec![]),
            ],
        }
    }

    #[test]
    fn families_come_from_the_words_of_the_request() {
        let profile = profile();
        let columns = assign(&profile, None);
        let reading = read("Date features and missing flags", &columns);
        assert_eq!(reading.families, BTreeSet::from([Family::MissingFlags, Family::DateParts]));
        assert!(read("something clever", &columns).families.is_empty());
        assert_eq!(read("ratios please", &columns).families, BTreeSet::from([Family::Ratios]));
    }

    #[test]
    fn per_customer_names_the_key_and_spending_names_the_money_columns() {
        let profile = profile();
        let columns = assign(&profile, None);
        let reading = read("features about spending per customer over the last 30 days", &columns);
        assert_eq!(reading.keys, ["customer_id"]);
        assert_eq!(reading.numbers, ["amount"]);
        assert!(reading.families.contains(&Family::GroupStats));
        assert_eq!(read("mean quantity by channel", &columns).keys, ["channel"]);
        assert_eq!(read("mean quantity by channel", &columns).numbers, ["quantity"]);
    }
}
