// `%fe schema`: per column its dtype, nulls, distinct values, min/max/mean and most frequent
// values, computed in the worker.

use polars::prelude::*;

use crate::dtype_names::python_name;
use crate::protocol::ColumnSummary;
use crate::render::cell_text;

/// How many top values are listed per column.
const TOP_VALUES: usize = 5;

pub fn summarize(df: &DataFrame) -> Vec<ColumnSummary> {
    df.columns().iter().map(|column| summarize_column(column.as_materialized_series(), df.height())).collect()
}

fn summarize_column(series: &Series, height: usize) -> ColumnSummary {
    let dtype = series.dtype();
    let orderable = dtype.is_primitive_numeric() || dtype.is_temporal() || dtype.is_string() || dtype.is_bool();
    let reduce_text = |scalar: PolarsResult<Scalar>| {
        scalar.ok().map(|s| s.as_any_value().into_static()).filter(|v| !v.is_null()).map(|v| cell_text(&v))
    };
    let unique = if dtype.is_nested() { None } else { series.n_unique().ok() };
    let (min, max) = if orderable { (reduce_text(series.min_reduce()), reduce_text(series.max_reduce())) } else { (None, None) };
    let mean = if dtype.is_primitive_numeric() || dtype.is_bool() { series.mean().filter(|m| m.is_finite()) } else { None };
    // Top values say something only when values repeat.
    let top_values = match unique {
        Some(u) if u < height && !dtype.is_float() => top_values(series),
        _ => Vec::new(),
    };
    ColumnSummary {
        name: series.name().to_string(),
        dtype: python_name(dtype),
        nulls: series.null_count(),
        unique,
        min,
        max,
        mean,
        top_values,
    }
}

fn top_values(series: &Series) -> Vec<(String, usize)> {
    let count_name = if series.name().as_str() == "count" { "__count" } else { "count" };
    let Ok(counts) = series.value_counts(true, false, count_name.into(), false) else { return Vec::new() };
    let (Ok(values), Ok(numbers)) = (counts.column(series.name().as_str()), counts.column(count_name)) else {
        return Vec::new();
    };
    (0..counts.height().min(TOP_VALUES))
        .filter_map(|i| {
            let value = cell_text(&values.get(i).ok()?);
            let count = numbers.get(i).ok()?.extract::<u64>()? as usize;
            Some((value, count))
        })
        .collect()
}
