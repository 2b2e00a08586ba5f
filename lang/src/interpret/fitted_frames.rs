// Fitted replay on the frame level: every frame method builds both sides of a frame derived from
// `df` — the step on the new data and the same step on the data it was fitted on.
//
// Outside a fitted replay frames have one side and these helpers are the plain methods. Inside
// one: expressions on the new side take their statistics from the fit side (`fitted`); frames of
// statistics (`group_by().agg()`, `df.mean()`, `value_counts()`) are computed on the fit side
// only; frames built from several (joins, concat) have a fit side when any input has one.

use polars::prelude::*;

use super::failure::Result;
use super::fitted::not_fittable;
use super::values::{Frame, Value};
use super::Interpreter;

impl Interpreter<'_, '_> {
    /// A frame made by `op` from `frame`, on both sides.
    pub fn derive(&mut self, frame: &Frame, op: impl Fn(LazyFrame) -> LazyFrame) -> Result<Value> {
        let lf = op(frame.lf.clone());
        let fit = frame.fit.clone().map(&op);
        self.checked_sides(lf, fit)
    }

    /// A frame made by `op` from `frame` and expressions: on the new side their statistics come
    /// from the fit side.
    pub fn derive_with_exprs(&mut self, frame: &Frame, exprs: Vec<Expr>, op: impl Fn(LazyFrame, Vec<Expr>) -> LazyFrame) -> Result<Value> {
        let Some(fit) = &frame.fit else {
            return self.checked_frame(op(frame.lf.clone(), exprs));
        };
        let fit_side = op(fit.clone(), exprs.clone());
        let new_side = match self.fitted_call(&frame.lf, fit, &exprs)? {
            None => op(frame.lf.clone(), exprs),
            Some(call) => {
                let temporary = Selector::ByName { names: call.temporary.into(), strict: false };
                op(call.lf, call.exprs).drop(temporary)
            }
        };
        self.checked_sides(new_side, Some(fit_side))
    }

    /// A frame made by `op` from several frames; it has a fit side when any of them has one.
    pub fn combine(&mut self, frames: &[&Frame], op: impl Fn(Vec<LazyFrame>) -> Result<LazyFrame>) -> Result<Value> {
        let lf = op(frames.iter().map(|f| f.lf.clone()).collect())?;
        let fit = match frames.iter().any(|f| f.fit.is_some()) {
            true => Some(op(frames.iter().map(|f| f.data().clone()).collect())?),
            false => None,
        };
        self.checked_sides(lf, fit)
    }

    /// A frame of statistics of `frame`: computed on the fit side alone (the same on both sides).
    pub fn statistics_frame(&mut self, frame: &Frame, op: impl FnOnce(LazyFrame) -> LazyFrame) -> Result<Value> {
        self.checked_frame(op(frame.data().clone()))
    }

    /// Refuses `what` on a frame with a fit side (a construct without a fitted form).
    pub fn refuse_when_fitted(&self, frame: &Frame, what: &str, hint: &str) -> Result<()> {
        match frame.fit {
            Some(_) => Err(not_fittable(format!("{what} has no fitted form")).hint(hint)),
            None => Ok(()),
        }
    }

    /// Refuses statistics in keys (joins, `group_by().head()`): they are evaluated row by row.
    pub fn refuse_statistics_in_keys(&mut self, frame: &Frame, keys: &[Expr], what: &str) -> Result<()> {
        let Some(fit) = &frame.fit else { return Ok(()) };
        match self.fitted_call(&frame.lf, fit, keys)? {
            Some(_) => Err(not_fittable(format!("a statistic inside the keys of {what} has no fitted form"))
                .hint("compute the key in an earlier `with_columns`, then use that column")),
            None => Ok(()),
        }
    }

    /// What `df` is at the end of a cell, on the new data. In a fitted replay it must still be
    /// built from the new rows (not, e.g., a `group_by().agg()` of the fit data).
    pub fn final_new_side(&self, frame: &Frame) -> Result<LazyFrame> {
        if self.fitted && frame.fit.is_none() {
            return Err(not_fittable("at the end of the cell `df` no longer holds rows of the new data (it is built from statistics of the fit data alone, e.g. `df = df.group_by(...).agg(...)`), so the step has no fitted form"));
        }
        Ok(frame.lf.clone())
    }

    fn checked_sides(&mut self, mut lf: LazyFrame, fit: Option<LazyFrame>) -> Result<Value> {
        let schema = self.resolve(&mut lf)?;
        let fit = match fit {
            Some(mut fit) => {
                let fit_schema = self.resolve(&mut fit)?;
                if fit_schema != schema {
                    return Err(not_fittable(format!(
                        "this step gives other columns on the new data ({}) than on the fit data ({})",
                        names(&schema),
                        names(&fit_schema)
                    )));
                }
                Some(fit)
            }
            None => None,
        };
        Ok(Value::Frame(self.new_sided_frame(lf, fit)))
    }
}

fn names(schema: &Schema) -> String {
    schema.iter().map(|(n, d)| format!("{n}: {d}")).collect::<Vec<_>>().join(", ")
}
