// Columns taken from frames (`df["x"]`, Python's Series): element-wise methods stay lazy,
// aggregations (`mean`, `quantile`, `max`, …), `item` and `to_list` collect a small query.

use polars::prelude::*;

use super::args::CallArgs;
use super::collect::{value_of, values_of};
use super::failure::{Fail, Result};
use super::values::{Column, Value};
use super::Interpreter;
use crate::allowlist::{self, Namespace};

/// Series methods that return a Python scalar.
const SCALAR_METHODS: &[&str] = &[
    "mean", "sum", "min", "max", "median", "std", "var", "quantile", "n_unique", "null_count", "count", "len",
    "first", "last", "product", "skew", "kurtosis", "arg_max", "arg_min", "any", "all",
];

impl Interpreter<'_, '_> {
    pub fn series_method(&mut self, column: Column, name: &str, args: CallArgs) -> Result<Value> {
        if allowlist::lookup(Namespace::Series, name).is_some() {
            return self.series_own_method(column, name, args);
        }
        if name == "item" {
            if !args.positional.is_empty() || !args.keywords.is_empty() {
                return Err(Fail::type_error("Series.item() takes no arguments here"));
            }
            return self.scalar_of(&column, column.expr.clone(), true);
        }
        // `df["x"].fill_null(pl.col("y"))` reads other columns: an expression, not data.
        let reads_expressions = args.positional.iter().chain(args.keywords.iter().map(|(_, v)| v)).any(|v| matches!(v, Value::Expr(_) | Value::When(_) | Value::Selector(_)));
        let result = self.expr_method(column.expr.clone(), name, args)?;
        let Value::Expr(expr) = result else { return Ok(result) };
        if SCALAR_METHODS.contains(&name) {
            return self.scalar_of(&column, expr, false);
        }
        Ok(Value::Column(Column { frame: column.frame, expr, with_expressions: column.with_expressions || reads_expressions }))
    }

    fn series_own_method(&mut self, column: Column, name: &str, args: CallArgs) -> Result<Value> {
        let a = args.bind(Namespace::Series, name)?;
        match name {
            "to_list" => Ok(Value::list(self.series_values(&column)?)),
            "value_counts" => {
                let normalize = a.bool("normalize", false)?;
                let count_name = a.opt_string("name")?.unwrap_or_else(|| if normalize { "proportion" } else { "count" }.to_string());
                let expr = column.expr.clone().value_counts(a.bool("sort", false)?, a.bool("parallel", false)?, &count_name, normalize);
                self.statistics_frame(&column.frame, |lf| lf.select([expr]).unnest(Selector::Wildcard, None))
            }
            "to_frame" => {
                let expr = match a.opt_string("name")? {
                    Some(n) => column.expr.clone().alias(n),
                    None => column.expr.clone(),
                };
                self.derive_with_exprs(&column.frame, vec![expr], |lf, e| lf.select(e))
            }
            "shrink_dtype" => self.shrink_dtype(column),
            _ => Err(super::expressions::not_available(name, "Series", Some(Namespace::Series))),
        }
    }

    /// `Series.shrink_dtype()`: the smallest integer type that holds the column's extrema
    /// (nulls count as 0, as in Polars), floats as Float32, other types unchanged.
    fn shrink_dtype(&mut self, column: Column) -> Result<Value> {
        let schema = self.schema_of(&column.frame.data().clone().select([column.expr.clone()]))?;
        let dtype = schema.iter().next().map(|(_, d)| d.clone()).unwrap_or(DataType::Null);
        let target = if !dtype.is_primitive_numeric() {
            return Ok(Value::Column(column));
        } else if dtype.is_float() {
            DataType::Float32
        } else {
            let extrema = self.collect(column.frame.data().clone().select([column.expr.clone().min().alias("min"), column.expr.clone().max().alias("max")]))?;
            let extreme = |name: &str| -> Result<i128> {
                let value = extrema.column(name).map_err(Fail::from)?.get(0).map_err(Fail::from)?;
                Ok(value.extract::<i128>().unwrap_or(0))
            };
            smallest_integer_type(dtype.is_unsigned_integer(), extreme("min")?, extreme("max")?)
        };
        Ok(Value::Column(Column { expr: column.expr.cast(target), ..column }))
    }

    /// Collect a one-value query on the column's frame.
    fn scalar_of(&mut self, column: &Column, expr: Expr, require_single: bool) -> Result<Value> {
        let df = self.collect(column.frame.data().clone().select([expr]))?;
        let series = df.columns().first().ok_or_else(|| Fail::value_error("empty result"))?;
        if require_single && series.len() != 1 {
            return Err(Fail::value_error(format!("item() needs exactly one value, the column has {}", series.len())));
        }
        if series.is_empty() {
            return Ok(Value::None);
        }
        Ok(value_of(series.get(0).map_err(Fail::from)?))
    }

    /// All values of a column (bounded by the list budget).
    pub fn series_values(&mut self, column: &Column) -> Result<Vec<Value>> {
        let limit = self.limits.max_list_len as IdxSize + 1;
        let df = self.collect(column.frame.data().clone().select([column.expr.clone()]).limit(limit))?;
        let series = df.columns().first().ok_or_else(|| Fail::value_error("empty result"))?;
        self.check_list_len(series.len())?;
        values_of(series)
    }
}

/// The narrowest integer type of the same signedness holding `min..=max`.
fn smallest_integer_type(unsigned: bool, min: i128, max: i128) -> DataType {
    if unsigned {
        return [(u8::MAX as i128, DataType::UInt8), (u16::MAX as i128, DataType::UInt16), (u32::MAX as i128, DataType::UInt32)]
            .into_iter()
            .find(|(top, _)| max <= *top)
            .map_or(DataType::UInt64, |(_, dtype)| dtype);
    }
    [(i8::MIN as i128, i8::MAX as i128, DataType::Int8), (i16::MIN as i128, i16::MAX as i128, DataType::Int16), (i32::MIN as i128, i32::MAX as i128, DataType::Int32)]
        .into_iter()
        .find(|(bottom, top, _)| min >= *bottom && max <= *top)
        .map_or(DataType::Int64, |(_, _, dtype)| dtype)
}
