// What each column is for, judged from its name, dtype and statistics: a row identifier, a
// grouping key, a category, free text, a number, a date, a flag. The target gets no role.

use crate::llm::profile::{ColumnProfile, DtypeKind, FrameProfile};

/// Categories have at most this many distinct values.
const CATEGORY_LEVELS: usize = 50;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnRole {
    /// One value per row: says nothing about the row.
    RowId,
    /// An entity many rows share (customer, store, device): group statistics go over it.
    Key,
    /// A few repeated labels.
    Category,
    /// Free text.
    Text,
    Numeric,
    Date,
    Datetime,
    Boolean,
    Other,
}

/// Words that name an entity rows belong to.
const ENTITY_WORDS: &[&str] = &[
    "customer", "client", "user", "account", "member", "store", "shop", "merchant", "seller", "vendor",
    "product", "item", "sku", "device", "session", "household", "patient", "branch", "team", "player",
    "driver", "route", "station",
];

pub struct RoledColumn<'a> {
    pub column: &'a ColumnProfile,
    pub role: ColumnRole,
}

/// Every column but the target, with its role, in frame order.
pub fn assign<'a>(profile: &'a FrameProfile, target: Option<&str>) -> Vec<RoledColumn<'a>> {
    profile
        .columns
        .iter()
        .filter(|c| Some(c.name.as_str()) != target)
        .map(|column| RoledColumn { column, role: role_of(column, profile.rows) })
        .collect()
}

pub fn role_of(column: &ColumnProfile, rows: usize) -> ColumnRole {
    let distinct = column.is_all_distinct(rows);
    let repeats = column.unique.is_some_and(|u| u >= 2 && u < rows.saturating_sub(column.nulls));
    match column.kind() {
        DtypeKind::Integer => {
            if id_like(&column.name) {
                if distinct || !repeats {
                    ColumnRole::RowId
                } else {
                    ColumnRole::Key
                }
            } else if distinct && consecutive(column, rows) {
                ColumnRole::RowId
            } else {
                ColumnRole::Numeric
            }
        }
        DtypeKind::Float => ColumnRole::Numeric,
        DtypeKind::String | DtypeKind::Categorical => {
            let levels = column.unique.unwrap_or(usize::MAX);
            if id_like(&column.name) || names_entity(&column.name) {
                if distinct {
                    ColumnRole::RowId
                } else if repeats {
                    ColumnRole::Key
                } else {
                    ColumnRole::Other
                }
            } else if repeats && levels <= CATEGORY_LEVELS {
                ColumnRole::Category
            } else if column.kind() == DtypeKind::String && (distinct || levels > CATEGORY_LEVELS) {
                ColumnRole::Text
            } else {
                ColumnRole::Other
            }
        }
        DtypeKind::Date => ColumnRole::Date,
        DtypeKind::Datetime => ColumnRole::Datetime,
        DtypeKind::Boolean => ColumnRole::Boolean,
        _ => ColumnRole::Other,
    }
}

/// `id`, `customer_id`, `CustomerID`, `order_key`, `zip_code`, `invoice_no`.
pub fn id_like(name: &str) -> bool {
    let lower = name.to_lowercase();
    let words = name_words(name);
    lower == "id"
        || lower.ends_with("id") && (lower.ends_with("_id") || name.ends_with("ID") || name.ends_with("Id") || lower == "uuid")
        || words.last().is_some_and(|w| matches!(w.as_str(), "id" | "key" | "code" | "no" | "uuid" | "guid"))
}

fn names_entity(name: &str) -> bool {
    name_words(name).iter().any(|w| ENTITY_WORDS.contains(&w.as_str()))
}

/// Integers from min to max with no gaps: a row counter.
fn consecutive(column: &ColumnProfile, rows: usize) -> bool {
    let parse = |v: &Option<String>| v.as_deref().and_then(|v| v.parse::<i128>().ok());
    match (parse(&column.min), parse(&column.max)) {
        (Some(min), Some(max)) => max - min + 1 == rows as i128,
        _ => false,
    }
}

/// The words of a column name: `orderAmount_USD` → [order, amount, usd].
pub fn name_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if !c.is_alphanumeric() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            previous_lower = false;
            continue;
        }
        if c.is_uppercase() && previous_lower && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        previous_lower = c.is_lowercase() || c.is_ascii_digit();
        current.extend(c.to_lowercase());
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::llm::prompt::testing::column;

    #[test]
    fn names_split_into_words() {
        assert_eq!(name_words("orderAmount_USD"), ["order", "amount", "usd"]);
        assert_eq!(name_words("customer id"), ["customer", "id"]);
        assert_eq!(name_words("CustomerID"), ["customer", "id"]);
    }

    #[test]
    fn roles_follow_names_dtypes_and_statistics() {
        let rows = 1000;
        let role = |c: ColumnProfile| role_of(&c, rows);
        assert_eq!(role(column("id", "Int64", 0, Some(1000), Some(("1", "1000")), None, vec![])), ColumnRole::RowId);
        assert_eq!(role(column("row", "Int64", 0, Some(1000), Some(("0", "999")), None, vec![])), ColumnRole::RowId);
        assert_eq!(role(column("customer_id", "Int64", 0, Some(80), Some(("1", "80")), None, vec![])), ColumnRole::Key);
        assert_eq!(role(column("customer", "String", 10, Some(81), None, None, vec![])), ColumnRole::Key);
        assert_eq!(role(column("amount", "Int64", 0, Some(1000), Some(("3", "99000")), None, vec![])), ColumnRole::Numeric);
        assert_eq!(role(column("colour", "String", 0, Some(5), None, None, vec![])), ColumnRole::Category);
        assert_eq!(role(column("review", "String", 0, Some(990), None, None, vec![])), ColumnRole::Text);
        assert_eq!(role(column("zip_code", "String", 0, Some(300), None, None, vec![])), ColumnRole::Key);
        assert_eq!(role(column("ts", "Datetime(time_unit='us', time_zone=None)", 0, Some(1000), None, None, vec![])), ColumnRole::Datetime);
        assert!(!id_like("paid") && !id_like("valid") && id_like("UserId") && id_like("order_key"));
    }
}
