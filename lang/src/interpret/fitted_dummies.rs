// `to_dummies` with its indicator columns fixed by the data it was applied to: a run on data
// records each column's indicators (name, value); a run on schema-only frames rebuilds them lazily.
//
// The record comes from Polars' own `to_dummies` output (which value each indicator marks is read
// off its rows), so names, order, `drop_first` and `drop_nulls` are Polars'. Rebuilt, an
// indicator is `(x == value)` (`x.is_null()` for the null one) as UInt8: a value the data did not
// hold sets no indicator and adds no column.

use polars::prelude::*;

use super::failure::{Fail, Result};
use super::values::{Frame, Value};
use super::Interpreter;
use crate::diagnostics::Code;

pub(crate) const NAME: &str = "indicator";
pub(crate) const VALUE: &str = "value";

impl Interpreter<'_, '_> {
    /// Records, per dummied column (in `columns`' order), the indicators `out` made from `data`.
    pub fn record_dummies(&self, data: &DataFrame, out: &DataFrame, columns: &[PlSmallStr], separator: &str) -> Result<()> {
        let input = data.schema();
        let outputs: Vec<&PlSmallStr> = out.get_column_names();
        let mut at = 0;
        let mut specs = Vec::new();
        for name in input.iter_names() {
            if !columns.contains(name) {
                if outputs.get(at).copied() != Some(name) {
                    return Err(unreadable(name));
                }
                at += 1;
                continue;
            }
            let prefix = format!("{name}{separator}");
            let source = data.column(name).map_err(Fail::from)?;
            let (mut names, mut values) = (Vec::new(), Vec::new());
            while let Some(indicator) = outputs.get(at).filter(|o| o.starts_with(&prefix) && !(input.contains(o.as_str()) && !columns.contains(o))) {
                let marks = out.column(indicator).map_err(Fail::from)?.cast(&DataType::UInt8).map_err(Fail::from)?;
                let row = marks.u8().map_err(Fail::from)?.iter().position(|v| v == Some(1)).ok_or_else(|| unreadable(name))?;
                names.push(indicator.to_string());
                values.push(source.get(row).map_err(Fail::from)?.into_static());
                at += 1;
            }
            let values = Series::from_any_values_and_dtype(VALUE.into(), &values, source.dtype(), true).map_err(Fail::from)?;
            let spec = DataFrame::new_infer_height(vec![Series::new(NAME.into(), names).into_column(), values.into_column()]).map_err(Fail::from)?;
            specs.push(spec);
        }
        if at != outputs.len() {
            return Err(unreadable(&PlSmallStr::from("the frame")));
        }
        for spec in &specs {
            self.data_values.record(spec);
        }
        Ok(())
    }

    /// `to_dummies` on schema-only frames: each dummied column's recorded indicators (taken in
    /// `columns`' order, as recorded), other columns unchanged.
    pub fn dummies_from_record(&mut self, frame: &Frame, columns: &[PlSmallStr]) -> Result<Value> {
        let schema = self.schema_of(&frame.lf)?;
        let mut exprs = Vec::new();
        for name in schema.iter_names() {
            if !columns.contains(name) {
                exprs.push(col(name.clone()));
                continue;
            }
            // Replayed from the record; without one this reads the (absent) data and fails so.
            let spec = self.collect(frame.lf.clone().select([col(name.clone()).unique()]))?;
            let (names, values) = match (spec.column(NAME), spec.column(VALUE)) {
                (Ok(n), Ok(v)) => (n.str().map_err(Fail::from)?.clone(), v.clone()),
                _ => return Err(unreadable(name)),
            };
            for (i, indicator) in names.iter().enumerate() {
                let value = values.get(i).map_err(Fail::from)?.into_static();
                let marks = match value {
                    AnyValue::Null => col(name.clone()).is_null(),
                    value => col(name.clone()).eq_missing(Expr::Literal(LiteralValue::Scalar(Scalar::new(values.dtype().clone(), value)))),
                };
                exprs.push(marks.cast(DataType::UInt8).alias(indicator.unwrap_or_default()));
            }
        }
        self.derive(frame, |lf| lf.select(exprs.clone()))
    }
}

fn unreadable(name: &PlSmallStr) -> Fail {
    Fail::new(Code::PolarsError, format!("the indicator columns `to_dummies` made from `{name}` could not be recorded"))
        .hint("write the indicators as expressions, e.g. `(pl.col(\"k\") == \"a\").cast(pl.UInt8).alias(\"k_a\")`")
}
