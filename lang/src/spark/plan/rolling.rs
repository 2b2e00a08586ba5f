// `df.rolling(index_column=t, period=, offset=, closed=, group_by=)`: one row per input row, each
// aggregation over the rows of its group whose time is in the row's window (a range frame).
//!
//! Polars returns the rows grouped by the keys, sorted by them (nulls last), each group in
//! its rows' order; without `group_by`, in the frame's order.

use polars::prelude::*;
use polars_plan::plans::expr_ir::ExprIR;
use polars_plan::prelude::Node;

use super::PlanTranslator;
use crate::spark::expressions::{column, epoch, range_bounds, Ctx, Win, ORDER};
use crate::spark::literals::py_str;
use crate::spark::{Refuse, Translated};

impl PlanTranslator<'_> {
    pub(super) fn rolling_group_by(&mut self, input: Node, keys: &[ExprIR], aggs: &[ExprIR], options: &RollingGroupOptions) -> Translated<String> {
        let input_var = self.frame(input)?;
        let schema = self.schema(input);
        let index = options.index_column.as_str();
        let index_dtype = schema.get(index).cloned().ok_or_else(|| Refuse::new("rolling", "has an index column the export cannot find", "roll by a column of the frame"))?;
        let (unit, lo, hi) = range_bounds(&index_dtype, &options.period, &options.offset, options.closed_window)?;
        let translator = self.exprs(schema.as_ref());
        let mut partition = Vec::new();
        for k in keys {
            match translator.aexpr(k.node()) {
                polars_plan::plans::AExpr::Column(c) if c == k.output_name() => partition.push(column(c)),
                _ => return Err(Refuse::new("rolling", "grouped by expressions (not columns) is not translated by the export", "add the key as a column first")),
            }
        }
        let key = translator.materialize(epoch(&column(index), &index_dtype, unit));
        let frame = format!("Window.partitionBy({}).orderBy({key}).rangeBetween({lo}, {hi})", partition.join(", "));
        let win = Win { partition: partition.clone(), order: vec![ORDER.into()], explicit: true, ordered_by_user: false, frame: Some(frame) };
        let mut select = partition.clone();
        select.push(column(index));
        for a in aggs {
            if !translator.rollable(a.node()) {
                return Err(Refuse::new("rolling", format!("output `{}` is not one aggregation (sum, mean, min, max, count, std, var, len) over the window, which the export does not translate", a.output_name()), "aggregate each column once"));
            }
            let code = translator.expr(a.node(), &Ctx::Rows(win.clone()))?;
            select.push(format!("{code}.alias({})", py_str(a.output_name())));
        }
        select.push(ORDER.into());
        let (frame_var, _) = self.with_pre(input_var, &translator);
        let rolled = self.emit(format!("{frame_var}.select({})", select.join(", ")));
        if partition.is_empty() {
            return Ok(rolled);
        }
        let order: Vec<String> = partition.iter().map(|p| format!("{p}.asc_nulls_last()")).collect();
        Ok(self.emit(format!("fe_reorder({rolled}, [{}])", order.join(", "))))
    }
}
