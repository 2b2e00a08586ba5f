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
