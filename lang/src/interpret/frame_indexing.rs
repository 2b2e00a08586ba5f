// Indexing frames with rows and columns as Python Polars does: `df[i, "col"]` / `df[i, j]` (one
// value, collected), `df[[0, 3], ["a", "b"]]` / `df[10:20, cols]` (a smaller frame, lazy).

use polars::prelude::*;

use super::collect::value_of;
use super::failure::{Fail, Result};
use super::values::{Frame, Value};
use super::Interpreter;
use crate::diagnostics::Span;
use crate::parse::ast;

impl Interpreter<'_, '_> {
    /// `df[rows, columns]` written with a slice for the rows (`df[12:16, ["a", "b"]]`).
    pub fn frame_rows_and_columns(&mut self, container: Value, pair: &ast::ExprTuple, span: Span) -> Result<Value> {
        let [rows, columns] = pair.elts.as_slice() else {
            return Err(Fail::type_error("a frame takes `df[rows, columns]`").at(span, "subscript"));
        };
        let columns = self.eval(columns)?;
        let rows = match rows {
            ast::Expr::Slice(slice) => {
                let lower = slice.lower.as_ref().map(|e| self.eval(e)).transpose()?;
                let upper = slice.upper.as_ref().map(|e| self.eval(e)).transpose()?;
                let step = slice.step.as_ref().map(|e| self.eval(e)).transpose()?;
                let sliced = self.slice(container, lower, upper, step).map_err(|f| f.at(span, "slice"))?;
                return self.frame_columns_of(sliced, columns).map_err(|f| f.at(span, "subscript"));
            }
            other => self.eval(other)?,
        };
        let Value::Frame(frame) = container else { unreachable!("called on frames") };
        self.frame_cell_or_block(frame, rows, columns).map_err(|f| f.at(span, "subscript"))
    }

    /// `df[row, column]` (a value) or `df[[rows], columns]` (a frame).
    pub fn frame_cell_or_block(&mut self, frame: Frame, rows: Value, columns: Value) -> Result<Value> {
        match rows {
            Value::Int(row) => {
                let one = self.frame_columns_of(Value::Frame(frame), columns.clone())?;
                let Value::Frame(one) = one else { unreachable!("a frame") };
                if matches!(columns, Value::List(_) | Value::Tuple(_)) {
                    return self.frame_rows_at(one, vec![Value::Int(row)]);
                }
                let height = self.height(one.data())? as i64;
                let at = if row < 0 { row + height } else { row };
                if at < 0 || at >= height {
                    return Err(Fail::value_error(format!("row index {row} is out of bounds for a frame of height {height}")));
                }
                let cell = self.collect(one.data().clone().slice(at, 1))?;
                let column = cell.columns().first().ok_or_else(|| Fail::value_error("no such column"))?;
                Ok(value_of(column.get(0).map_err(Fail::from)?))
            }
            Value::List(_) | Value::Tuple(_) => {
                let picked = self.frame_rows_at(frame, rows.sequence_items().unwrap_or_default())?;
                self.frame_columns_of(picked, columns)
            }
            other => Err(Fail::type_error(format!("frame rows are indexed with an int, a list of ints or a slice, not a {}", other.type_name()))),
        }
    }

    /// The rows at these positions, in this order (negative positions count from the end).
    pub fn frame_rows_at(&mut self, frame: Frame, rows: Vec<Value>) -> Result<Value> {
        let positions = rows
            .iter()
            .map(|v| if let Value::Int(i) = v { Ok(*i) } else { Err(Fail::type_error("row positions must be ints")) })
            .collect::<Result<Vec<i64>>>()?;
        self.check_list_len(positions.len())?;
        let indices = lit(Series::new(PlSmallStr::EMPTY, positions));
        self.derive(&frame, |lf| lf.select([Expr::from(Selector::Wildcard).gather(indices.clone(), false)]))
    }

    /// Columns by name, by position, or a list of either.
    fn frame_columns_of(&mut self, frame: Value, columns: Value) -> Result<Value> {
        let Value::Frame(frame) = frame else { return Err(Fail::type_error("rows of a frame were expected")) };
        let schema = self.schema_of(&frame.lf)?;
        let name_of = |v: &Value| -> Result<String> {
            match v {
                Value::Str(s) => Ok(s.to_string()),
                Value::Int(i) => {
                    let at = if *i < 0 { *i + schema.len() as i64 } else { *i };
                    schema.get_at_index(at.max(0) as usize).filter(|_| at >= 0).map(|(n, _)| n.to_string()).ok_or_else(|| Fail::value_error(format!("column index {i} is out of range")))
                }
                other => Err(Fail::type_error(format!("columns are named by str or int, not {}", other.type_name()))),
            }
        };
        let names: Vec<String> = match &columns {
            Value::List(_) | Value::Tuple(_) => columns.sequence_items().unwrap_or_default().iter().map(name_of).collect::<Result<_>>()?,
            single => vec![name_of(single)?],
        };
        let exprs: Vec<Expr> = names.iter().map(|n| self.column(n)).collect();
        self.derive(&frame, |lf| lf.select(exprs.clone()))
    }
}
