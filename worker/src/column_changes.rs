// What an apply did to a frame: new, changed and dropped columns with dtypes, null counts and
// example values (what the user reviews before trusting a feature).

use polars::prelude::*;

use crate::dtype_names::python_name;
use crate::protocol::ColumnChange;
use crate::render::cell_text;

/// Example values shown per column.
const EXAMPLES: usize = 5;

pub struct ColumnChanges {
    pub new_columns: Vec<ColumnChange>,
    pub changed_columns: Vec<ColumnChange>,
    pub dropped_columns: Vec<ColumnChange>,
}

pub fn compare(before: &DataFrame, after: &DataFrame) -> ColumnChanges {
    let mut changes = ColumnChanges { new_columns: Vec::new(), changed_columns: Vec::new(), dropped_columns: Vec::new() };
    for column in after.columns() {
        match before.column(column.name().as_str()) {
            Err(_) => changes.new_columns.push(describe(column, None)),
            Ok(old) => {
                if old.dtype() != column.dtype() || !old.equals_missing(column) {
                    changes.changed_columns.push(describe(column, Some(old.dtype())));
                }
            }
        }
    }
    for column in before.columns() {
        if after.column(column.name().as_str()).is_err() {
            let mut dropped = describe(column, None);
            dropped.examples.clear();
            changes.dropped_columns.push(dropped);
        }
    }
    changes
}

fn describe(column: &Column, previous: Option<&DataType>) -> ColumnChange {
    ColumnChange {
        name: column.name().to_string(),
        dtype: python_name(column.dtype()),
        previous_dtype: previous.map(python_name),
        nulls: column.null_count(),
        examples: examples(column),
        unique: None,
        same_as: None,
    }
}

/// For previews (small samples): the distinct count of each new column and the input column it
/// duplicates, if any, so a review can warn about constant and duplicated features.
pub fn profile_new_columns(before: &DataFrame, after: &DataFrame, new_columns: &mut [ColumnChange]) {
    for change in new_columns {
        let Ok(column) = after.column(&change.name) else { continue };
        change.unique = column.n_unique().ok();
        change.same_as = before
            .columns()
            .iter()
            .find(|old| old.dtype() == column.dtype() && old.equals_missing(column))
            .map(|old| old.name().to_string());
    }
}

/// The first distinct non-null values, in row order.
fn examples(column: &Column) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for row in 0..column.len().min(1000) {
        let Ok(value) = column.get(row) else { break };
        if value.is_null() {
            continue;
        }
        let text = cell_text(&value);
        if !seen.contains(&text) {
            seen.push(text);
            if seen.len() == EXAMPLES {
                break;
            }
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn previews_count_distinct_values_and_name_duplicated_inputs() {
        let before = df!("a" => [1i64, 2, 3], "b" => [1.0f64, 1.0, 2.0]).unwrap();
        let after = df!(
            "a" => [1i64, 2, 3],
            "b" => [1.0f64, 1.0, 2.0],
            "a_copy" => [1i64, 2, 3],
            "constant" => [7i64, 7, 7],
            "a_float" => [1.0f64, 2.0, 3.0]
        )
        .unwrap();
        let mut changes = compare(&before, &after);
        profile_new_columns(&before, &after, &mut changes.new_columns);
        let found: Vec<_> =
            changes.new_columns.iter().map(|c| (c.name.as_str(), c.unique, c.same_as.as_deref())).collect();
        // A float copy of an integer column is a new feature (different dtype), not a duplicate.
        assert_eq!(found, [("a_copy", Some(3), Some("a")), ("constant", Some(1), None), ("a_float", Some(3), None)]);
    }
}
