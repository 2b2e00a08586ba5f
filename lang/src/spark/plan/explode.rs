// `explode` of one list column (a `posexplode_outer`, the list position joining the row order) and
// `group_by(...).head(n)`/`.tail(n)` (Polars plans them as a slice per group, then an explode).
//!
//! Polars' explode keeps a row for a null list and for an empty one (a null value) by default;
//! `posexplode_outer` does the same, and the flags Polars was given drop those rows again.

use polars::prelude::*;
use polars_plan::plans::{AExpr, IR};
use polars_plan::prelude::Node;

use super::PlanTranslator;
use crate::spark::expressions::{column, ORDER};
use crate::spark::literals::py_str;
use crate::spark::{Refuse, Translated};

impl PlanTranslator<'_> {
    pub(super) fn explode(&mut self, input: Node, columns: &[PlSmallStr], options: &ExplodeOptions) -> Translated<String> {
        if let Some(head) = self.group_head(input, columns)? {
            return Ok(head);
        }
        let [name] = columns else {
            return Err(Refuse::new("explode", "of several list columns at once is not translated by the export", "explode one column per step"));
        };
        let input_var = self.frame(input)?;
        let schema = self.schema(input);
        match schema.get(name) {
            Some(DataType::List(inner)) if !matches!(inner.as_ref(), DataType::List(_) | DataType::Struct(_) | DataType::Array(..)) => {}
            Some(other) => return Err(Refuse::new("explode", format!("of a {other} column is not translated by the export"), "explode a list of numbers or strings")),
            None => return Err(Refuse::new("explode", "of a column the export cannot find", "explode a column of the frame")),
        }
        let mut select = Vec::new();
        for c in schema.iter_names() {
            if c == name {
                select.push(format!("F.posexplode_outer({}).alias(\"_fe_pos\", {})", column(c), py_str(c)));
            } else {
                select.push(column(c));
            }
        }
        select.push(ORDER.into());
        let flagged = if options.empty_as_null && options.keep_nulls {
            input_var
        } else {
            self.emit(format!("{input_var}.withColumn(\"_fe_xnull\", {}.isNull())", column(name)))
        };
        if !(options.empty_as_null && options.keep_nulls) {
            select.push("F.col(\"_fe_xnull\")".into());
        }
        let exploded = self.emit(format!("{flagged}.select({})", select.join(", ")));
        // A row without a position came from a null or an empty list.
        let keep = match (options.empty_as_null, options.keep_nulls) {
            (true, true) => None,
            (true, false) => Some("F.col(\"_fe_pos\").isNotNull() | ~F.col(\"_fe_xnull\")"),
            (false, true) => Some("F.col(\"_fe_pos\").isNotNull() | F.col(\"_fe_xnull\")"),
            (false, false) => Some("F.col(\"_fe_pos\").isNotNull()"),
        };
        let kept = match keep {
            Some(condition) => self.emit(format!("{exploded}.filter({condition}).drop(\"_fe_xnull\")")),
            None => exploded,
        };
        Ok(self.emit(format!("{kept}.withColumn(_FE_ORDER, F.struct({ORDER}, F.col(\"_fe_pos\"))).drop(\"_fe_pos\")")))
    }

    /// `group_by(keys, maintain_order=True).head(n)` / `.tail(n)`: every other column sliced per
    /// group, then exploded. Rows are numbered per group in the frame's order.
    fn group_head(&mut self, input: Node, columns: &[PlSmallStr]) -> Translated<Option<String>> {
        let IR::GroupBy { input: source, keys, aggs, options, apply: None, .. } = self.lp.get(input) else {
            return Ok(None);
        };
        if options.dynamic.is_some() || options.rolling.is_some() || aggs.len() != columns.len() {
            return Ok(None);
        }
        let mut slice = None;
        for (agg, name) in aggs.iter().zip(columns) {
            let mut sliced_node = agg.node();
            if let AExpr::Agg(polars_plan::plans::IRAggExpr::Implode { input, .. }) = self.ex.get(sliced_node) {
                sliced_node = *input;
            }
            let AExpr::Slice { input: sliced, offset, length } = self.ex.get(sliced_node) else {
                return Ok(None);
            };
            let (Some(offset), Some(length)) = (literal_int(self.ex, *offset), literal_int(self.ex, *length)) else {
                return Ok(None);
            };
            if !matches!(self.ex.get(*sliced), AExpr::Column(c) if c == name) || agg.output_name() != name {
                return Ok(None);
            }
            if slice.is_some_and(|s| s != (offset, length)) {
                return Ok(None);
            }
            slice = Some((offset, length));
        }
        let Some((offset, length)) = slice else { return Ok(None) };
        let mut key_names = Vec::new();
        for k in keys {
            match self.ex.get(k.node()) {
                AExpr::Column(c) if c == k.output_name() => key_names.push(column(c)),
                _ => return Err(Refuse::new("head", "per group by expressions (not columns) is not translated by the export", "add the key as a column first")),
            }
        }
        let (descending, n) = match (offset, length) {
            (0, n) if n >= 0 => (false, n),
            (o, n) if o < 0 && n == -o => (true, n),
            _ => return Err(Refuse::new("head", "with this slice per group is not translated by the export", "use group_by(...).head(n) or .tail(n)")),
        };
        let source_var = self.frame(*source)?;
        let partition = key_names.join(", ");
        let order = if descending { format!("{ORDER}.desc()") } else { ORDER.to_string() };
        let numbered = self.emit(format!(
            "{source_var}.withColumns({{\"_fe_n\": F.row_number().over(Window.partitionBy({partition}).orderBy({order})), \"_fe_first\": F.min({ORDER}).over(Window.partitionBy({partition}))}})"
        ));
        let mut select: Vec<String> = self.schema(input).iter_names().map(|c| column(c)).collect();
        select.push(format!("F.struct(F.col(\"_fe_first\"), {ORDER}).alias(_FE_ORDER)"));
        Ok(Some(self.emit(format!("{numbered}.filter(F.col(\"_fe_n\") <= {n}).select({})", select.join(", ")))))
    }
}

fn literal_int(ex: &polars_plan::prelude::Arena<AExpr>, node: Node) -> Option<i64> {
    use polars_plan::plans::{DynLiteralValue, LiteralValue};
    match ex.get(node) {
        AExpr::Literal(LiteralValue::Dyn(DynLiteralValue::Int(i))) => i64::try_from(*i).ok(),
        AExpr::Literal(LiteralValue::Scalar(s)) => s.as_any_value().extract::<i64>(),
        AExpr::Cast { expr, .. } => literal_int(ex, *expr),
        _ => None,
    }
}
