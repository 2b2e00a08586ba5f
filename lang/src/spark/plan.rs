// Polars plan nodes (select, with_columns, filter, sort, group_by, join, unique, slice, …) as
// PySpark DataFrame statements. Every DataFrame carries the hidden order column `_FE_ORDER`.

use std::collections::HashMap;

use polars::prelude::*;
use polars_plan::plans::expr_ir::ExprIR;
use polars_plan::plans::{AExpr, FunctionIR, IR};
use polars_plan::prelude::{Arena, Node};

use super::expressions::{column, is_windowed, sort_key, Ctx, ExprTranslator, Win, ORDER};
use super::literals::py_str;
use super::{Refuse, Translated};

mod dynamic;
mod asof;
mod explode;
mod rolling;
mod unpivot;

pub(crate) struct PlanTranslator<'a> {
    lp: &'a Arena<IR>,
    ex: &'a Arena<AExpr>,
    /// Input scans (by the identity of their data) and the variables holding them.
    sources: Vec<(usize, String)>,
    prefix: String,
    counter: usize,
    lines: Vec<String>,
    done: HashMap<usize, String>,
}

impl<'a> PlanTranslator<'a> {
    pub fn new(lp: &'a Arena<IR>, ex: &'a Arena<AExpr>, sources: Vec<(usize, String)>, prefix: &str) -> Self {
        PlanTranslator { lp, ex, sources, prefix: prefix.to_string(), counter: 0, lines: Vec::new(), done: HashMap::new() }
    }

    pub fn into_lines(self) -> Vec<String> {
        self.lines
    }

    fn fresh(&mut self) -> String {
        self.counter += 1;
        format!("{}_{}", self.prefix, self.counter)
    }

    fn emit(&mut self, code: String) -> String {
        let var = self.fresh();
        self.lines.push(format!("{var} = {code}"));
        var
    }

    fn schema(&self, node: Node) -> SchemaRef {
        self.lp.get(node).schema(self.lp).into_owned()
    }

    fn exprs(&self, schema: &'a Schema) -> ExprTranslator<'a> {
        ExprTranslator::new(self.ex, schema, format!("{}_{}", self.prefix, self.counter + 1))
    }

    /// Emits the columns an expression needs computed first, returning the frame to use.
    fn with_pre(&mut self, frame: String, translator: &ExprTranslator) -> (String, Vec<String>) {
        let pre = translator.pre.borrow().clone();
        if pre.is_empty() {
            return (frame, Vec::new());
        }
        let entries: Vec<String> = pre.iter().map(|(n, c)| format!("{}: {c}", py_str(n))).collect();
        let var = self.emit(format!("{frame}.withColumns({{{}}})", entries.join(", ")));
        (var, pre.into_iter().map(|(n, _)| n).collect())
    }

    fn drop_pre(code: String, pre: &[String]) -> String {
        if pre.is_empty() {
            code
        } else {
            format!("{code}.drop({})", pre.iter().map(|n| py_str(n)).collect::<Vec<_>>().join(", "))
        }
    }

    /// The variable holding the PySpark DataFrame of plan node `node`.
    pub fn frame(&mut self, node: Node) -> Translated<String> {
        if let Some(var) = self.done.get(&node.0) {
            return Ok(var.clone());
        }
        let var = self.translate(node)?;
        self.done.insert(node.0, var.clone());
        Ok(var)
    }

    fn translate(&mut self, node: Node) -> Translated<String> {
        match self.lp.get(node) {
            IR::DataFrameScan { df, .. } => {
                let identity = std::sync::Arc::as_ptr(df) as usize;
                self.sources
                    .iter()
                    .find(|(id, _)| *id == identity)
                    .map(|(_, var)| var.clone())
                    .ok_or_else(|| Refuse::new("DataFrame", "is a frame built from values in the code; the export reads frames from files only", "load the values as a file with `%fe load` and read that frame by name"))
            }
            IR::MapFunction { input, function } => match function {
                FunctionIR::Opaque { fmt_str, .. } if fmt_str.as_str() == "fekernel spark input" => self.frame(*input),
                FunctionIR::Rechunk | FunctionIR::Hint(_) => self.frame(*input),
                FunctionIR::RowIndex { name, offset, .. } => {
                    let input_var = self.frame(*input)?;
                    let columns = self.schema(*input);
                    let offset = offset.unwrap_or(0);
                    let index = format!("(F.row_number().over(Window.orderBy({ORDER})) - {})", 1i64 - offset as i64);
                    let mut select = vec![format!("{index}.cast(\"bigint\").alias({})", py_str(name))];
                    select.extend(columns.iter_names().map(|c| column(c)));
                    select.push(ORDER.into());
                    Ok(self.emit(format!("{input_var}.select({})", select.join(", "))))
                }
                FunctionIR::Explode { columns, options, .. } => self.explode(*input, columns, options),
                FunctionIR::Unpivot { args, .. } => self.unpivot(node, *input, args),
                FunctionIR::Unnest { columns, separator } => {
                    // Each struct column becomes its fields, in place (`separator`: prefixed by the column's name).
                    let input_var = self.frame(*input)?;
                    let schema = self.schema(*input);
                    let mut select = Vec::new();
                    for (name, dtype) in schema.iter() {
                        match dtype {
                            DataType::Struct(fields) if columns.iter().any(|c| c == name) => {
                                for f in fields {
                                    let out = match separator {
                                        Some(sep) => format!("{name}{sep}{}", f.name()),
                                        None => f.name().to_string(),
                                    };
                                    select.push(format!("{}.getField({}).alias({})", column(name), py_str(f.name()), py_str(&out)));
                                }
                            }
                            _ => select.push(column(name)),
                        }
                    }
                    select.push(ORDER.into());
                    Ok(self.emit(format!("{input_var}.select({})", select.join(", "))))
                }
                _ => Err(Refuse::new("map", "is a frame function Spark cannot see into", "use frame methods such as with_columns, filter or join")),
            },
            IR::Cache { input, .. } => self.frame(*input),
            IR::SimpleProjection { input, columns } => {
                let input_var = self.frame(*input)?;
                let mut select: Vec<String> = columns.iter_names().map(|c| column(c)).collect();
                select.push(ORDER.into());
                Ok(self.emit(format!("{input_var}.select({})", select.join(", "))))
            }
            IR::Select { input, expr, .. } => self.select(*input, expr),
            IR::HStack { input, exprs, .. } => {
                let input_var = self.frame(*input)?;
                let schema = self.schema(*input);
                let translator = self.exprs(schema.as_ref());
                let mut entries = Vec::new();
                for e in exprs {
                    let code = translator.expr(e.node(), &Ctx::Rows(Win::whole_frame()))?;
                    entries.push(format!("{}: {code}", py_str(e.output_name())));
                }
                let (frame, pre) = self.with_pre(input_var, &translator);
                Ok(self.emit(Self::drop_pre(format!("{frame}.withColumns({{{}}})", entries.join(", ")), &pre)))
            }
            IR::Filter { input, predicate } => {
                let input_var = self.frame(*input)?;
                let schema = self.schema(*input);
                let translator = self.exprs(schema.as_ref());
                let code = translator.expr(predicate.node(), &Ctx::Rows(Win::whole_frame()))?;
                let (frame, mut pre) = self.with_pre(input_var, &translator);
                if is_windowed(&code) {
                    // Spark evaluates no window inside a filter: compute the condition first.
                    let keep = format!("_fe_keep_{}", self.counter + 1);
                    let with_keep = self.emit(format!("{frame}.withColumn({}, {code})", py_str(&keep)));
                    pre.push(keep.clone());
                    Ok(self.emit(Self::drop_pre(format!("{with_keep}.filter(F.col({}))", py_str(&keep)), &pre)))
                } else {
                    Ok(self.emit(Self::drop_pre(format!("{frame}.filter({code})"), &pre)))
                }
            }
            IR::Sort { input, by_column, slice, sort_options } => {
                let input_var = self.frame(*input)?;
                let schema = self.schema(*input);
                let translator = self.exprs(schema.as_ref());
                let mut keys = Vec::new();
                for (i, e) in by_column.iter().enumerate() {
                    let code = translator.expr(e.node(), &Ctx::Rows(Win::whole_frame()))?;
                    let descending = sort_options.descending.get(i).or(sort_options.descending.first()).copied().unwrap_or(false);
                    let nulls_last = sort_options.nulls_last.get(i).or(sort_options.nulls_last.first()).copied().unwrap_or(false);
                    keys.push(sort_key(code, descending, nulls_last));
                }
                if !translator.pre.borrow().is_empty() || keys.iter().any(|k| is_windowed(k)) {
                    return Err(Refuse::new("sort", "by a window expression has no Spark translation in the export", "compute the key in `with_columns` first, then sort by that column"));
                }
                let sorted = self.emit(format!("fe_reorder({input_var}, [{}])", keys.join(", ")));
                match slice {
                    None => Ok(sorted),
                    Some((offset, len, _)) => self.slice(sorted, *offset, *len as u64),
                }
            }
            IR::Slice { input, offset, len } => {
                let input_var = self.frame(*input)?;
                self.slice(input_var, *offset, *len as u64)
            }
            IR::GroupBy { input, keys, aggs, options, apply, .. } => {
                if apply.is_some() {
                    return Err(Refuse::new("map_groups", "runs a function per group that Spark cannot see into", "use aggregations in `agg(...)`"));
                }
                if let Some(dynamic) = &options.dynamic {
                    return self.dynamic_group_by(node, *input, keys, aggs, dynamic);
                }
                if let Some(rolling) = &options.rolling {
                    return self.rolling_group_by(*input, keys, aggs, rolling);
                }
                let input_var = self.frame(*input)?;
                let schema = self.schema(*input);
                let translator = self.exprs(schema.as_ref());
                let mut key_codes = Vec::new();
                for k in keys {
                    let code = translator.expr(k.node(), &Ctx::Inner)?;
                    key_codes.push(format!("{code}.alias({})", py_str(k.output_name())));
                }
                let mut agg_codes = Vec::new();
                for a in aggs {
                    if !translator.ex.get(a.node()).is_scalar_like(translator.ex) {
                        return Err(Refuse::new("agg", format!("output `{}` is not an aggregation (it would be a list per group), which the export does not translate", a.output_name()), "aggregate it, e.g. `.first()`, `.sum()` or `.n_unique()`"));
                    }
                    let code = translator.expr(a.node(), &Ctx::Group)?;
                    agg_codes.push(format!("{code}.alias({})", py_str(a.output_name())));
                }
                agg_codes.push(format!("F.min({ORDER}).alias(_FE_ORDER)"));
                Ok(self.emit(format!("{input_var}.groupBy({}).agg({})", key_codes.join(", "), agg_codes.join(", "))))
            }
            IR::Join { input_left, input_right, schema, left_on, right_on, options } => self.join(*input_left, *input_right, schema, left_on, right_on, &options.args),
            IR::Distinct { input, options } => {
                let input_var = self.frame(*input)?;
                let schema = self.schema(*input);
                let subset: Vec<String> = match &options.subset {
                    Some(names) => names.iter().map(|n| column(n)).collect(),
                    None => schema.iter_names().map(|n| column(n)).collect(),
                };
                let subset = subset.join(", ");
                let n = format!("_fe_n_{}", self.counter + 1);
                let code = match options.keep_strategy {
                    UniqueKeepStrategy::First | UniqueKeepStrategy::Any => format!(
                        "{input_var}.withColumn({n}, F.row_number().over(Window.partitionBy({subset}).orderBy({ORDER}))).filter(F.col({n}) == 1).drop({n})",
                        n = py_str(&n)
                    ),
                    UniqueKeepStrategy::Last => format!(
                        "{input_var}.withColumn({n}, F.row_number().over(Window.partitionBy({subset}).orderBy({ORDER}.desc()))).filter(F.col({n}) == 1).drop({n})",
                        n = py_str(&n)
                    ),
                    UniqueKeepStrategy::None => format!(
                        "{input_var}.withColumn({n}, F.count(F.lit(1)).over(Window.partitionBy({subset}))).filter(F.col({n}) == 1).drop({n})",
                        n = py_str(&n)
                    ),
                };
                let var = self.emit(code);
                match options.slice {
                    None => Ok(var),
                    Some((offset, len)) => self.slice(var, offset, len as u64),
                }
            }
            IR::Union { inputs, .. } => {
                let schema = self.schema(node);
                let columns: Vec<String> = schema.iter_names().map(|c| column(c)).collect();
                let mut parts = Vec::new();
                for (i, input) in inputs.iter().enumerate() {
                    let var = self.frame(*input)?;
                    let ordered = self.emit(format!("fe_reorder({var}, [])"));
                    parts.push(format!("{ordered}.select({}, F.struct(F.lit({i}).alias(\"part\"), {ORDER}.alias(\"row\")).alias(_FE_ORDER))", columns.join(", ")));
                }
                let mut code = parts[0].clone();
                for part in &parts[1..] {
                    code = format!("{code}.unionByName({part})");
                }
                Ok(self.emit(code))
            }
            IR::HConcat { inputs, .. } => {
                // Rows paired by position: each frame numbered in its order, then full-joined on
                // that number (a shorter frame's columns are null, as Polars pads them).
                let schema = self.schema(node);
                let mut numbered = Vec::new();
                for input in inputs {
                    let var = self.frame(*input)?;
                    let mut select: Vec<String> = self.schema(*input).iter_names().map(|c| column(c)).collect();
                    select.push(format!("F.row_number().over(Window.orderBy({ORDER})).alias(\"_fe_rn\")"));
                    numbered.push(self.emit(format!("{var}.select({})", select.join(", "))));
                }
                let mut joined = numbered[0].clone();
                for part in &numbered[1..] {
                    joined = self.emit(format!("{joined}.join({part}, \"_fe_rn\", \"full\")"));
                }
                let mut columns: Vec<String> = schema.iter_names().map(|c| column(c)).collect();
                columns.push("F.col(\"_fe_rn\").alias(_FE_ORDER)".into());
                Ok(self.emit(format!("{joined}.select({})", columns.join(", "))))
            }
            IR::Scan { .. } => Err(Refuse::new("scan", "reads a file inside the step", "load it with `%fe load`")),
            _ => Err(Refuse::new("frame", "uses a plan node the export does not translate", "see docs/spark-export.md for what translates")),
        }
    }

    fn select(&mut self, input: Node, exprs: &[ExprIR]) -> Translated<String> {
        let input_var = self.frame(input)?;
        let schema = self.schema(input);
        let translator = self.exprs(schema.as_ref());
        let all_scalar = !exprs.is_empty() && exprs.iter().all(|e| translator.ex.get(e.node()).is_scalar_like(translator.ex));
        if all_scalar {
            // One row: the aggregates of the whole frame.
            let mut codes = Vec::new();
            for e in exprs {
                let code = translator.expr(e.node(), &Ctx::Group)?;
                codes.push(format!("{code}.alias({})", py_str(e.output_name())));
            }
            codes.push("F.lit(0).alias(_FE_ORDER)".into());
            return Ok(self.emit(format!("{input_var}.agg({})", codes.join(", "))));
        }
        let mut codes = Vec::new();
        for e in exprs {
            let code = translator.expr(e.node(), &Ctx::Rows(Win::whole_frame()))?;
            codes.push(format!("{code}.alias({})", py_str(e.output_name())));
        }
        codes.push(ORDER.into());
        let (frame, _) = self.with_pre(input_var, &translator);
        Ok(self.emit(format!("{frame}.select({})", codes.join(", "))))
    }

    /// Rows `offset .. offset + len` in the current order (negative offsets count from the end).
    fn slice(&mut self, frame: String, offset: i64, len: u64) -> Translated<String> {
        if offset == 0 {
            return Ok(self.emit(format!("{frame}.orderBy({ORDER}).limit({len})")));
        }
        let n = py_str(&format!("_fe_n_{}", self.counter + 1));
        let numbered = format!("{frame}.withColumn({n}, F.row_number().over(Window.orderBy({ORDER})))");
        let code = if offset > 0 {
            format!("{numbered}.filter((F.col({n}) > {offset}) & (F.col({n}) <= {})).drop({n})", offset as u64 + len)
        } else {
            let total = format!("F.count(F.lit(1)).over(Window.partitionBy())");
            format!(
                "{numbered}.withColumn(\"_fe_total\", {total}).filter((F.col({n}) > F.col(\"_fe_total\") + ({offset})) & (F.col({n}) <= F.col(\"_fe_total\") + ({offset}) + {len})).drop({n}, \"_fe_total\")"
            )
        };
        Ok(self.emit(code))
    }

    #[allow(clippy::too_many_arguments)]
    fn join(&mut self, left: Node, right: Node, schema: &SchemaRef, left_on: &[ExprIR], right_on: &[ExprIR], args: &JoinArgs) -> Translated<String> {
        let how = match &args.how {
            JoinType::Inner => "inner",
            JoinType::Left => "left",
            JoinType::Full => "full",
            JoinType::Semi => "left_semi",
            JoinType::Anti => "left_anti",
            JoinType::Cross => "cross",
            JoinType::Right => return Err(Refuse::new("join", "with how=\"right\" is not translated by the export", "swap the frames and use how=\"left\"")),
            JoinType::AsOf(asof) => return self.join_asof(left, right, schema, left_on, right_on, asof),
            #[allow(unreachable_patterns)]
            _ => return Err(Refuse::new("join_asof", "(and other non-equi joins) has no faithful Spark translation in the export", "join on equal keys")),
        };
        let (l, r) = (self.frame(left)?, self.frame(right)?);
        let (left_schema, right_schema) = (self.schema(left), self.schema(right));
        let mut left_keys = Vec::new();
        let mut right_keys = Vec::new();
        for (lk, rk) in left_on.iter().zip(right_on) {
            match (self.ex.get(lk.node()), self.ex.get(rk.node())) {
                (AExpr::Column(a), AExpr::Column(b)) => {
                    left_keys.push(a.to_string());
                    right_keys.push(b.to_string());
                }
                _ => return Err(Refuse::new("join", "on expressions (not columns) is not translated by the export", "add the key as a column with `with_columns` first")),
            }
        }
        let out_names: Vec<String> = schema.iter_names().map(|n| n.to_string()).collect();
        if how == "left_semi" || how == "left_anti" {
            let renamed = self.emit(format!(
                "{r}.select({})",
                right_keys.iter().enumerate().map(|(i, k)| format!("{}.alias(\"_fe_rk{i}\")", column(k))).collect::<Vec<_>>().join(", ")
            ));
            let condition = self.condition(&l, &renamed, &left_keys, args.nulls_equal);
            return Ok(self.emit(format!("{l}.join({renamed}, {condition}, {})", py_str(how))));
        }
        // The right frame's columns under their output names (Polars adds the suffix).
        let left_count = left_schema.len();
        let coalesced = how != "cross" && args.should_coalesce();
        let right_out: Vec<&str> = right_schema
            .iter_names()
            .map(|n| n.as_str())
            .filter(|n| !(coalesced && right_keys.iter().any(|k| k == n)))
            .collect();
        if out_names.len() != left_count + right_out.len() {
            return Err(Refuse::new("join", "gives columns the export cannot match to Spark's (key coalescing)", "join on columns of the same name"));
        }
        let mut select = Vec::new();
        for (i, k) in right_keys.iter().enumerate() {
            select.push(format!("{}.alias(\"_fe_rk{i}\")", column(k)));
        }
        for (name, out) in right_out.iter().zip(&out_names[left_count..]) {
            select.push(format!("{}.alias({})", column(name), py_str(out)));
        }
        select.push(format!("{ORDER}.alias(\"_fe_ord_r\")"));
        let renamed = self.emit(format!("{r}.select({})", select.join(", ")));
        let joined = if how == "cross" {
            self.emit(format!("{l}.crossJoin({renamed})"))
        } else {
            let condition = self.condition(&l, &renamed, &left_keys, args.nulls_equal);
            self.emit(format!("{l}.join({renamed}, {condition}, {})", py_str(how)))
        };
        let order = if how == "full" {
            format!("F.struct({ORDER}.isNull(), {ORDER}, F.col(\"_fe_ord_r\")).alias(_FE_ORDER)")
        } else {
            format!("F.struct({ORDER}, F.col(\"_fe_ord_r\")).alias(_FE_ORDER)")
        };
        let mut columns: Vec<String> = out_names.iter().map(|n| column(n)).collect();
        if how == "full" && coalesced {
            // The key columns of a coalesced full join: the left key, else the right one.
            for (i, k) in left_keys.iter().enumerate() {
                let at = out_names.iter().position(|n| n == k).ok_or_else(|| Refuse::new("join", "gives columns the export cannot match to Spark's (key coalescing)", "join on columns of the same name"))?;
                let spark = super::literals::spark_type_name(&schema.get(k.as_str()).cloned().unwrap_or(DataType::Null))
                    .ok_or_else(|| Refuse::new("join", "on a key type Spark has not", "join on numbers, strings or dates"))?;
                columns[at] = format!("F.coalesce({}, F.col(\"_fe_rk{i}\")).cast({}).alias({})", column(k), py_str(&spark), py_str(k));
            }
        }
        columns.push(order);
        Ok(self.emit(format!("{joined}.select({})", columns.join(", "))))
    }

    fn condition(&self, l: &str, r: &str, left_keys: &[String], nulls_equal: bool) -> String {
        let parts: Vec<String> = left_keys
            .iter()
            .enumerate()
            .map(|(i, k)| {
                let left = format!("{l}[{}]", py_str(&format!("`{}`", k.replace('`', "``"))));
                let right = format!("{r}[\"_fe_rk{i}\"]");
                if nulls_equal { format!("{left}.eqNullSafe({right})") } else { format!("({left} == {right})") }
            })
            .collect();
        format!("[{}]", parts.join(", "))
    }
}

trait ScalarLike {
    fn is_scalar_like(&self, arena: &Arena<AExpr>) -> bool;
}

impl ScalarLike for AExpr {
    fn is_scalar_like(&self, arena: &Arena<AExpr>) -> bool {
        scalar(self, arena)
    }
}

/// True when the expression gives one value per frame (or group): an aggregation, possibly
/// combined with literals and other aggregations.
fn scalar(expr: &AExpr, arena: &Arena<AExpr>) -> bool {
    match expr {
        AExpr::Agg(_) | AExpr::Len => true,
        AExpr::Literal(_) => true,
        AExpr::Column(_) => false,
        AExpr::Over { .. } => false,
        AExpr::BinaryExpr { left, right, .. } => scalar(arena.get(*left), arena) && scalar(arena.get(*right), arena),
        AExpr::Cast { expr, .. } => scalar(arena.get(*expr), arena),
        AExpr::Ternary { predicate, truthy, falsy } => [predicate, truthy, falsy].iter().all(|n| scalar(arena.get(**n), arena)),
        AExpr::Function { input, function, .. } => {
            use polars_plan::plans::IRFunctionExpr as Fx;
            match function {
                Fx::Quantile { .. } | Fx::NullCount | Fx::Product | Fx::Skew(_) | Fx::Kurtosis(..) => true,
                Fx::Boolean(polars_plan::plans::IRBooleanFunction::Any { .. } | polars_plan::plans::IRBooleanFunction::All { .. }) => true,
                _ => !input.is_empty() && input.iter().all(|e| scalar(arena.get(e.node()), arena)),
            }
        }
        _ => false,
    }
}
