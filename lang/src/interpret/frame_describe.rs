// `df.describe(percentiles=(0.25, 0.5, 0.75), interpolation="nearest")` as Python Polars 2.1
// builds it: one row of statistics per metric, Float64 for numeric, Boolean and nested columns,
// String for the others. Temporal columns (whose values Python formats with `str()`) are refused.

use polars::prelude::*;

use super::args::Bound;
use super::collect::value_of;
use super::expr_methods::quantile_method;
use super::failure::{Fail, Result};
use super::values::{Frame, Value};
use super::Interpreter;
use crate::diagnostics::Code;

impl Interpreter<'_, '_> {
    pub fn describe(&mut self, frame: Frame, a: &Bound) -> Result<Value> {
        let schema = self.schema_of(&frame.lf)?;
        if schema.is_empty() {
            return Err(Fail::type_error("cannot describe a frame that has no columns"));
        }
        let percentiles = match a.raw("percentiles") {
            None => vec![0.25, 0.5, 0.75],
            Some(Value::None) => Vec::new(),
            Some(v @ (Value::Int(_) | Value::Float(_))) => vec![v.as_f64().unwrap_or(0.0)],
            Some(v) => self.floats(v)?,
        };
        if percentiles.iter().any(|p| !(0.0..=1.0).contains(p)) {
            return Err(Fail::value_error("describe(): percentiles must be between 0 and 1"));
        }
        let method = quantile_method(&a.string("interpolation", "nearest")?)?;
        let mut metrics: Vec<String> = ["count", "null_count", "mean", "std", "min"].map(String::from).to_vec();
        for p in &percentiles {
            metrics.push(format!("{}%", percent_label(p * 100.0)?));
        }
        metrics.push("max".into());

        let mut exprs = Vec::new();
        let mut numeric_result = Vec::new();
        for (name, dtype) in schema.iter() {
            if dtype.is_temporal() {
                return Err(Fail::new(Code::UnsupportedArgument, format!("describe() of the {dtype} column `{name}` is not supported (Python formats its statistics as text)"))
                    .hint("describe the other columns, e.g. `df.select(cs.numeric()).describe()`, or compute `min`/`max`/`mean` of the dates with expressions"));
            }
            let numeric = dtype.is_primitive_numeric() || matches!(dtype, DataType::Decimal(..));
            let nested = dtype.is_nested();
            let skip_min_max = nested || matches!(dtype, DataType::Categorical(..) | DataType::Enum(..) | DataType::Null);
            let c = col(name.clone());
            let null = || lit(NULL);
            exprs.push(c.clone().count().cast(DataType::Float64));
            exprs.push(c.clone().null_count().cast(DataType::Float64));
            exprs.push(if numeric || *dtype == DataType::Boolean { c.clone().mean() } else { null() });
            exprs.push(if numeric { c.clone().std(1) } else { null() });
            exprs.push(if skip_min_max { null() } else { c.clone().min() });
            for p in &percentiles {
                exprs.push(if numeric { c.clone().quantile(lit(*p), method) } else { null() });
            }
            exprs.push(if skip_min_max { null() } else { c.clone().max() });
            numeric_result.push(numeric || nested || matches!(dtype, DataType::Null | DataType::Boolean));
        }
        let exprs: Vec<Expr> = exprs.into_iter().enumerate().map(|(i, e)| e.alias(format!("s{i}"))).collect();
        let row = self.collect(frame.data().clone().select(exprs))?;
        let mut columns = vec![Series::new("statistic".into(), metrics.clone()).into_column()];
        for (index, ((name, _), numeric)) in schema.iter().zip(&numeric_result).enumerate() {
            let values = (0..metrics.len()).map(|m| row.columns()[index * metrics.len() + m].get(0).map(|v| value_of(v.into_static()))).collect::<PolarsResult<Vec<_>>>().map_err(Fail::from)?;
            let series = if *numeric {
                Series::new(name.clone(), values.iter().map(|v| v.as_f64().filter(|_| !matches!(v, Value::Str(_)))).collect::<Vec<_>>())
            } else {
                Series::new(name.clone(), values.iter().map(python_str).collect::<Vec<_>>())
            };
            columns.push(series.into_column());
        }
        let out = DataFrame::new_infer_height(columns).map_err(Fail::from)?;
        Ok(Value::Frame(self.new_frame(out.lazy())))
    }
}

/// Python's `f"{q * 100:g}"` for the percentile labels (`25`, `12.5`, `99.9`).
fn percent_label(value: f64) -> Result<String> {
    super::format_spec::format_value(&Value::Float(value), "g")
}

/// Python's `str(v)` of a statistic of a non-numeric column (None stays null).
fn python_str(value: &Value) -> Option<String> {
    match value {
        Value::None => None,
        Value::Float(f) if f.fract() == 0.0 && f.is_finite() => Some(format!("{}", *f as i64)),
        Value::Str(s) => Some(s.to_string()),
        other => Some(super::conversions::to_py_str(other)),
    }
}
