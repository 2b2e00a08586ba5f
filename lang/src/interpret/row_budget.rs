// Row budget for generated columns whose length is only known from the data: `pl.int_range`,
// `pl.repeat` and the date ranges with expression bounds (`pl.len() * k`, `pl.col("d").max()`)
// are sized on the frame before they run; per-row `*_ranges` and `over(mapping_strategy="join")`
// lists count all their values.

use polars::prelude::*;
use polars_plan::plans::DynLiteralValue;

use super::failure::Result;
use super::Interpreter;

impl Interpreter<'_, '_> {
    /// Refuse `select`/`with_columns` expressions that would generate more rows than the
    /// budget: the bounds are evaluated on `lf` first (a small aggregate query). Bounds that
    /// cannot be evaluated on their own are left to the plan, which reports its own error.
    pub fn check_generated_rows(&mut self, lf: &LazyFrame, exprs: &[Expr]) -> Result<()> {
        let mut estimates = Vec::new();
        for expr in exprs {
            for node in expr {
                if let Some(rows) = generated_rows(node) {
                    estimates.push(rows.alias(format!("rows{}", estimates.len())));
                }
            }
        }
        if estimates.is_empty() {
            return Ok(());
        }
        let Ok(Some(sizes)) = self.budget_collect(lf.clone().select(estimates)) else {
            return Ok(());
        };
        for column in sizes.columns() {
            let rows = column.get(0).ok().and_then(|v| v.extract::<f64>()).unwrap_or(0.0);
            if rows.is_finite() && rows > 0.0 {
                self.check_rows(rows.ceil().min(u64::MAX as f64) as u64, "a generated column (a range, pl.repeat, or the lists of over(mapping_strategy=\"join\"))")?;
            }
        }
        Ok(())
    }
}

/// The number of rows (values) a generating node makes, as an aggregate expression.
fn generated_rows(node: &Expr) -> Option<Expr> {
    // `over(..., mapping_strategy="join")` gives every row the list of its group's values.
    if let Expr::Over { partition_by, mapping: WindowMapping::Join, .. } = node {
        let group_size = if partition_by.is_empty() { len() } else { len().over(partition_by.clone()).ok()? };
        return Some(group_size.cast(DataType::Float64).sum());
    }
    let Expr::Function { input, function } = node else { return None };
    let nanos = |e: &Expr| e.clone().cast(DataType::Datetime(TimeUnit::Nanoseconds, None)).cast(DataType::Int64).cast(DataType::Float64);
    let values_in = |interval: &Option<Duration>| -> Option<Expr> {
        let step = interval.as_ref().map(super::time_series::shortest_nanoseconds)? as f64;
        let span = nanos(&input[1]) - nanos(&input[0]);
        Some((span / lit(step)).floor().clip_min(lit(-1.0)) + lit(1.0))
    };
    match function {
        FunctionExpr::Range(RangeFunction::DateRange { interval, .. } | RangeFunction::DatetimeRange { interval, .. }) if input.len() == 2 => {
            values_in(interval).map(|rows| rows.max())
        }
        FunctionExpr::Range(RangeFunction::DateRanges { interval, .. } | RangeFunction::DatetimeRanges { interval, .. }) if input.len() == 2 => {
            values_in(interval).map(|rows| rows.sum())
        }
        FunctionExpr::Range(RangeFunction::IntRanges { .. }) if input.len() == 3 => {
            let as_float = |e: &Expr| e.clone().cast(DataType::Float64);
            let per_row = ((as_float(&input[1]) - as_float(&input[0])) / as_float(&input[2]).abs()).ceil().clip_min(lit(0.0));
            Some(per_row.sum())
        }
        _ => generated_rows_of_ints(input, function).map(|rows| rows.cast(DataType::Float64).max()),
    }
}

/// The number of rows an `int_range`/`repeat` node generates, as an expression.
fn generated_rows_of_ints(input: &[Expr], function: &FunctionExpr) -> Option<Expr> {
    match function {
        // `pl.int_range(pl.len())` (a row index) gives as many rows as the frame has: no growth.
        FunctionExpr::Range(RangeFunction::IntRange { .. }) if input.len() == 2 && is_row_count(&input[1]) && is_non_negative_literal(&input[0]) => None,
        FunctionExpr::Range(RangeFunction::IntRange { step, .. }) if input.len() == 2 => {
            let span = (input[1].clone().cast(DataType::Float64) - input[0].clone().cast(DataType::Float64)) / lit(*step as f64);
            Some(span.clip_min(lit(0.0)))
        }
        FunctionExpr::Repeat if input.len() == 2 => Some(input[1].clone()),
        _ => None,
    }
}

fn is_row_count(expr: &Expr) -> bool {
    match expr {
        Expr::Len => true,
        Expr::Alias(inner, _) => is_row_count(inner),
        _ => false,
    }
}

fn is_non_negative_literal(expr: &Expr) -> bool {
    match expr {
        Expr::Literal(LiteralValue::Dyn(DynLiteralValue::Int(v))) => *v >= 0,
        Expr::Literal(LiteralValue::Scalar(s)) => s.value().extract::<i64>().is_some_and(|v| v >= 0),
        _ => false,
    }
}
