// Values taken out of frames into the cell, each bounded by the cell's budgets: `df.row(i)`
// (a tuple, or a dict with `named=True`), `df.get_columns()`, and eager Series
// (`pl.int_range(..., eager=True)`, `pl.date_range(..., eager=True)`), plus `vstack`.

use polars::prelude::*;

use super::args::Bound;
use super::collect::value_of;
use super::conversions::StrAs;
use super::failure::{Fail, Result};
use super::values::{Column, Dict, Frame, Value};
use super::Interpreter;
use crate::diagnostics::Code;

impl Interpreter<'_, '_> {
    /// `df.row(index=None, *, by_predicate=None, named=False)`: one row as Python values.
    pub fn frame_row(&mut self, frame: Frame, a: &Bound) -> Result<Value> {
        let named = a.bool("named", false)?;
        let rows = match (a.opt_int("index")?, a.get("by_predicate").cloned()) {
            (Some(_), Some(_)) => return Err(Fail::type_error("row() takes `index` or `by_predicate`, not both")),
            (Some(index), None) => {
                let height = self.height(frame.data())? as i64;
                let at = if index < 0 { index + height } else { index };
                if at < 0 || at >= height {
                    return Err(Fail::value_error(format!("row(): index {index} is out of bounds for a frame of height {height}")));
                }
                self.collect(frame.data().clone().slice(at, 1))?
            }
            (None, Some(predicate)) => {
                let predicate = self.to_expr(predicate, StrAs::Column)?;
                // Two rows are enough to tell that the predicate is not unique.
                let rows = self.collect(frame.data().clone().filter(predicate).limit(2))?;
                match rows.height() {
                    1 => rows,
                    0 => return Err(Fail::value_error("row(): the predicate matched no rows")),
                    _ => return Err(Fail::value_error("row(): the predicate matched more than one row")
                        .hint("make the predicate select exactly one row, or use `filter(...).head(1)`")),
                }
            }
            (None, None) => {
                let height = self.height(frame.data())?;
                if height != 1 {
                    return Err(Fail::type_error(format!("row() without an index needs a frame of one row, this one has {height}"))
                        .hint("pass the row index, e.g. `df.row(0)`"));
                }
                self.collect(frame.data().clone())?
            }
        };
        let mut values = Vec::with_capacity(rows.width());
        for column in rows.columns() {
            values.push((column.name().to_string(), value_of(column.get(0).map_err(Fail::from)?)));
        }
        Ok(if named {
            let mut dict = Dict::default();
            for (name, value) in values {
                dict.insert(Value::str(name), value);
            }
            Value::dict(dict)
        } else {
            Value::tuple(values.into_iter().map(|(_, v)| v).collect())
        })
    }

    /// `df.get_columns()`: the columns as Series of this frame.
    pub fn frame_columns(&mut self, frame: Frame) -> Result<Value> {
        let schema = self.schema_of(&frame.lf)?;
        self.check_list_len(schema.len())?;
        let columns = schema.iter_names().map(|name| Value::Column(Column::of(frame.clone(), col(name.clone())))).collect();
        Ok(Value::list(columns))
    }

    /// `df.vstack(other)` / `df.extend(other)`: the rows of `other` below, same columns and types.
    pub fn frame_vstack(&mut self, frame: Frame, a: &Bound) -> Result<Value> {
        if a.bool("in_place", false)? {
            return Err(Fail::new(Code::UnsupportedArgument, format!("{}(): `in_place=True` is not supported", a.function)).hint("assign the result: `df = df.vstack(other)`"));
        }
        let Some(Value::Frame(other)) = a.get("other").cloned() else {
            return Err(Fail::type_error(format!("{}() needs another frame", a.function)));
        };
        let (mine, theirs) = (self.schema_of(&frame.lf)?, self.schema_of(&other.lf)?);
        if mine.iter_names().ne(theirs.iter_names()) {
            return Err(Fail::value_error(format!("{}(): the frames have other column names or orders", a.function)).hint("use `pl.concat([...], how=\"diagonal\")` for frames with other columns"));
        }
        if let Some((name, dtype)) = mine.iter().zip(theirs.iter()).find(|(m, t)| m.1 != t.1).map(|(m, t)| (m.0.clone(), (m.1.clone(), t.1.clone()))) {
            return Err(Fail::type_error(format!("{}(): column `{name}` is {} in one frame and {} in the other", a.function, dtype.0, dtype.1))
                .hint("cast one side first, or use `pl.concat([...], how=\"vertical_relaxed\")`"));
        }
        self.combine(&[&frame, &other], |lfs| concat(lfs, UnionArgs { maintain_order: true, ..Default::default() }).map_err(Fail::from))
    }

    /// An eager Series (`eager=True`): computed now, its rows counted against the row budget
    /// first. It lives in a frame of its own; used in another frame's methods it is a literal.
    pub fn eager_series(&mut self, expr: Expr) -> Result<Value> {
        let empty = DataFrame::empty().lazy();
        self.check_generated_rows(&empty, std::slice::from_ref(&expr))?;
        let df = self.collect(empty.select([expr]))?;
        let name = df.get_column_names().first().map(|n| (*n).clone()).ok_or_else(|| Fail::value_error("empty result"))?;
        let frame = self.new_frame(df.lazy());
        self.note_eager_frame(frame.id);
        Ok(Value::Column(Column::of(frame, col(name))))
    }

    /// The values of a Series as a literal (a Series used with another frame, or in
    /// `pl.DataFrame({...})`): column data, bounded by the row budget.
    pub fn series_literal(&mut self, column: &Column) -> Result<Series> {
        let limit = IdxSize::try_from(self.limits.max_rows.saturating_add(1)).unwrap_or(IdxSize::MAX);
        let df = self.collect(column.frame.data().clone().select([column.expr.clone()]).limit(limit))?;
        let series = df.columns().first().map(|c| c.as_materialized_series().clone()).ok_or_else(|| Fail::value_error("empty selection"))?;
        self.check_rows(series.len() as u64, "this Series")?;
        Ok(series)
    }
}
