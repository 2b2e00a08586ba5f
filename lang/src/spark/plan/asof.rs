// `join_asof` (backward/forward, with `by`) as a left join on the `by` keys and the inequality,
// keeping per left row the nearest right row — the one Polars picks among equal keys too.
//!
//! Polars (measured, Python Polars 2.1): `backward` takes the largest right key `<=` the
//! left's (`<` without exact matches), the last such right row when several share that key;
//! `forward` the smallest `>=` (`>`), the first such row. Null keys and null `by` values
//! never match. `nearest` (ties across both sides) and `tolerance` are refused.

use polars::prelude::*;
use polars_plan::plans::expr_ir::ExprIR;
use polars_plan::plans::AExpr;
use polars_plan::prelude::Node;

use super::PlanTranslator;
use crate::spark::expressions::{column, ORDER};
use crate::spark::literals::py_str;
use crate::spark::{Refuse, Translated};

impl PlanTranslator<'_> {
    pub(super) fn join_asof(&mut self, left: Node, right: Node, schema: &SchemaRef, left_on: &[ExprIR], right_on: &[ExprIR], options: &AsOfOptions) -> Translated<String> {
        let refuse = |why: &str, hint: &str| Refuse::new("join_asof", why.to_string(), hint.to_string());
        if options.tolerance.is_some() || options.tolerance_str.is_some() {
            return Err(refuse("with a `tolerance` is not translated by the export", "drop tolerance and filter on the distance afterwards"));
        }
        let backward = match options.strategy {
            AsofStrategy::Backward => true,
            AsofStrategy::Forward => false,
            AsofStrategy::Nearest => return Err(refuse("with strategy=\"nearest\" is not translated by the export", "use \"backward\" or \"forward\"")),
        };
        let (Some(lk), Some(rk)) = (left_on.first(), right_on.first()) else {
            return Err(refuse("without an `on` key", "give on="));
        };
        let name_of = |e: &ExprIR| match self.ex.get(e.node()) {
            AExpr::Column(c) => Some(c.to_string()),
            _ => None,
        };
        let (Some(l_on), Some(r_on)) = (name_of(lk), name_of(rk)) else {
            return Err(refuse("on expressions (not columns) is not translated by the export", "add the key as a column first"));
        };
        let left_by: Vec<String> = options.left_by.iter().flatten().map(|s| s.to_string()).collect();
        let right_by: Vec<String> = options.right_by.iter().flatten().map(|s| s.to_string()).collect();
        let (l, r) = (self.frame(left)?, self.frame(right)?);
        let (left_schema, right_schema) = (self.schema(left), self.schema(right));
        let out_names: Vec<String> = schema.iter_names().map(|n| n.to_string()).collect();
        // The right frame's columns under their output names; its `on` and `by` keys are dropped.
        let right_out: Vec<&str> = right_schema.iter_names().map(|n| n.as_str()).filter(|n| *n != r_on && !right_by.iter().any(|b| b == n)).collect();
        if out_names.len() != left_schema.len() + right_out.len() {
            return Err(refuse("gives columns the export cannot match to Spark's", "join on columns of the same name"));
        }
        let mut select = vec![format!("{}.alias(\"_fe_ron\")", column(&r_on))];
        for (i, b) in right_by.iter().enumerate() {
            select.push(format!("{}.alias(\"_fe_rby{i}\")", column(b)));
        }
        for (name, out) in right_out.iter().zip(&out_names[left_schema.len()..]) {
            select.push(format!("{}.alias({})", column(name), py_str(out)));
        }
        select.push(format!("{ORDER}.alias(\"_fe_ord_r\")"));
        let renamed = self.emit(format!("{r}.select({})", select.join(", ")));
        let quoted = |k: &str| format!("{l}[{}]", py_str(&format!("`{}`", k.replace('`', "``"))));
        let mut condition: Vec<String> = left_by.iter().enumerate().map(|(i, b)| format!("({} == {renamed}[\"_fe_rby{i}\"])", quoted(b))).collect();
        let op = match (backward, options.allow_eq) {
            (true, true) => "<=",
            (true, false) => "<",
            (false, true) => ">=",
            (false, false) => ">",
        };
        condition.push(format!("({renamed}[\"_fe_ron\"] {op} {})", quoted(&l_on)));
        let joined = self.emit(format!("{l}.join({renamed}, [{}], \"left\")", condition.join(", ")));
        let nearest = if backward {
            "F.col(\"_fe_ron\").desc_nulls_last(), F.col(\"_fe_ord_r\").desc_nulls_last()"
        } else {
            "F.col(\"_fe_ron\").asc_nulls_last(), F.col(\"_fe_ord_r\").asc_nulls_last()"
        };
        let mut columns: Vec<String> = out_names.iter().map(|n| column(n)).collect();
        columns.push(ORDER.into());
        Ok(self.emit(format!(
            "{joined}.withColumn(\"_fe_n\", F.row_number().over(Window.partitionBy({ORDER}).orderBy({nearest}))).filter(F.col(\"_fe_n\") == 1).select({})",
            columns.join(", ")
        )))
    }
}
