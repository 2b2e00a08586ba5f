// Fitted replay on the expression level: the statistics in a frame method's expressions
// (aggregations, also per `over` group) are computed on the fit data and applied to the new data.
//
// The rules (docs: README "Replaying a pipeline"), for the side of a call that runs on new data:
// * an aggregation outside any window (`pl.col("x").mean()`, `pl.len()`, `.quantile(q)`,
//   `.get(0)`, …; the outermost one with everything inside it) becomes a constant: its value on
//   the fit data;
// * an aggregation inside `over(keys)` becomes the value its group has on the fit data, joined on
//   the keys (groups the fit data does not have get null);
// * order-dependent transforms (shift, diff, pct_change, cum_*, rolling_*, ewm_*, forward/backward
//   fill, interpolate, rle_id, reverse) and row numbering (`pl.int_range(pl.len())`) run on the
//   new data as its own sequence, per `over` group as written; row-wise expressions are unchanged;
// * whatever compares a row with the other rows without being an aggregation (rank, qcut,
//   is_duplicated, unique, mode, top_k, fill_null(strategy="mean"), …), statistics inside
//   `over(..., order_by=...)` or inside keys, and nested windows have no fitted form here: they
//   are refused (FE127) with a hint, never approximated.

use std::sync::Arc;

use polars::prelude::*;
use polars_plan::plans::visitor::TreeWalker;
use polars_plan::plans::{expand_expression, to_expr_ir, AExpr, ExprToIRContext, IRFunctionExpr};
use polars_plan::prelude::{Arena, FunctionOptions, OptFlags};

use super::failure::{Fail, Result};
use super::Interpreter;
use crate::diagnostics::Code;

/// The prefix of the temporary columns fitted replay adds; no column and no code may use it.
pub(crate) const RESERVED_PREFIX: &str = "__fe_fit_";

/// The new-data side of one frame method: the new frame with the per-group statistics joined
/// on, the rewritten expressions (one per expanded input expression, with its output name), and
/// the temporary columns to drop after the method.
pub(crate) struct FittedCall {
    pub lf: LazyFrame,
    pub exprs: Vec<Expr>,
    pub temporary: Vec<PlSmallStr>,
}

impl Interpreter<'_, '_> {
    /// Rewrites `exprs` (to run on `new`) so that their statistics come from `fit`. `None` when
    /// they hold no statistic: they then run on the new data unchanged.
    pub fn fitted_call(&mut self, new: &LazyFrame, fit: &LazyFrame, exprs: &[Expr]) -> Result<Option<FittedCall>> {
        let schema = self.schema_of(new)?;
        if let Some(name) = schema.iter_names().find(|n| n.starts_with(RESERVED_PREFIX)) {
            return Err(not_fittable(format!("the column `{name}` uses a name fitted replay reserves (`{RESERVED_PREFIX}…`)"))
                .hint("rename the column, or replay with --recompute"));
        }
        let mut expanded = Vec::with_capacity(exprs.len());
        for e in exprs {
            expand_expression(e, &Default::default(), &schema, &mut expanded, &mut OptFlags::default()).map_err(Fail::from)?;
        }
        let mut rewriter = Rewriter { schema: &schema, top: Vec::new(), windows: Vec::new(), next: 0 };
        let rewritten = expanded.iter().map(|e| rewriter.rewrite(e.clone(), Context::Top)).collect::<Result<Vec<_>>>()?;
        if rewriter.top.is_empty() && rewriter.windows.iter().all(|w| w.aggs.is_empty()) {
            return Ok(None);
        }
        let constants = self.constants(fit, std::mem::take(&mut rewriter.top))?;
        let mut out = Vec::with_capacity(rewritten.len());
        for (original, e) in expanded.into_iter().zip(rewritten) {
            let name = output_name(original, &schema)?;
            let e = e.map_expr(|node| match &node {
                Expr::Column(name) => constants.iter().find(|(n, _)| n == name).map(|(_, c)| c.clone()).unwrap_or(node),
                _ => node,
            });
            out.push(e.alias(name));
        }
        let mut lf = new.clone();
        let mut temporary = Vec::new();
        for window in rewriter.windows.into_iter().filter(|w| !w.aggs.is_empty()) {
            let key_names: Vec<PlSmallStr> = window.keys.iter().map(|(name, _)| name.clone()).collect();
            let keys: Vec<Expr> = window.keys.into_iter().map(|(name, key)| key.alias(name)).collect();
            let key_columns: Vec<Expr> = key_names.iter().map(|n| col(n.clone())).collect();
            temporary.extend(key_names.iter().cloned());
            temporary.extend(window.names);
            let stats = fit.clone().group_by_stable(keys.clone()).agg(window.aggs);
            let mut args = JoinArgs::new(JoinType::Left);
            args.nulls_equal = true;
            args.maintain_order = MaintainOrderJoin::Left;
            args.coalesce = JoinCoalesce::CoalesceColumns;
            lf = lf.with_columns(keys).join(stats, key_columns.clone(), key_columns, args);
        }
        Ok(Some(FittedCall { lf, exprs: out, temporary }))
    }

    /// The values the top-level statistics have on the fit data, as typed literals.
    fn constants(&mut self, fit: &LazyFrame, statistics: Vec<Expr>) -> Result<Vec<(PlSmallStr, Expr)>> {
        if statistics.is_empty() {
            return Ok(Vec::new());
        }
        let values = self.collect(fit.clone().select(statistics))?;
        if values.height() != 1 {
            return Err(not_fittable(format!("a statistic of the fit data gave {} values instead of one", values.height())));
        }
        let mut out = Vec::with_capacity(values.width());
        for column in values.columns() {
            let value = column.get(0).map_err(Fail::from)?.into_static();
            out.push((column.name().clone(), Expr::Literal(LiteralValue::Scalar(Scalar::new(column.dtype().clone(), value)))));
        }
        Ok(out)
    }
}

/// Where an expression sits: its statistics are learned per whole frame, per `over` group, or not
/// at all (keys, ordered windows).
#[derive(Clone, Copy)]
enum Context {
    Top,
    Window(usize),
    OrderedWindow,
    Keys,
}

/// The statistics of one `over` partition: its keys and aggregations, with temporary names.
struct WindowStats {
    partition: Vec<Expr>,
    keys: Vec<(PlSmallStr, Expr)>,
    aggs: Vec<Expr>,
    names: Vec<PlSmallStr>,
}

/// How a function node behaves on the new data.
enum Kind {
    /// Row-wise, order-dependent or row-selecting: kept, its inputs rewritten.
    Kept,
    /// An aggregation: learned on the fit data.
    Statistic,
    /// `int_range`/`repeat`: kept as is when its bounds are literals and `pl.len()`.
    Generator,
    Refused { what: String, hint: &'static str },
}

struct Rewriter<'s> {
    schema: &'s Schema,
    /// Top-level statistics, aliased to their temporary names.
    top: Vec<Expr>,
    windows: Vec<WindowStats>,
    next: usize,
}

impl Rewriter<'_> {
    fn temporary(&mut self, what: &str) -> PlSmallStr {
        self.next += 1;
        format!("{RESERVED_PREFIX}{what}_{}", self.next).into()
    }

    fn rewrite(&mut self, e: Expr, context: Context) -> Result<Expr> {
        match &e {
            Expr::Agg(_) | Expr::Len | Expr::Gather { returns_scalar: true, .. } => return self.statistic(e, context),
            Expr::Function { .. } => match self.function_kind(&e)? {
                Kind::Statistic => return self.statistic(e, context),
                Kind::Generator if (&e).into_iter().all(is_generator_bound) => return Ok(e),
                Kind::Refused { what, hint } => {
                    return Err(not_fittable(format!("`{what}` compares each row with the others and has no fitted form")).hint(hint))
                }
                Kind::Kept | Kind::Generator => {}
            },
            Expr::AnonymousFunction { options, .. } if !options.is_elementwise() => {
                return Err(not_fittable("a function over whole columns has no fitted form"));
            }
            Expr::Over { .. } => return self.window(e, context),
            // `expr.rolling(index_column=..., period=...)`: windows of rows of the new data.
            Expr::Rolling { .. } => return Ok(e),
            Expr::Eval { expr, evaluation, variant } => {
                if !variant.is_elementwise() {
                    return Err(not_fittable("a cumulative evaluation has no fitted form"));
                }
                // The evaluation runs inside each list value: row-wise.
                let expr = Arc::new(self.rewrite(expr.as_ref().clone(), context)?);
                return Ok(Expr::Eval { expr, evaluation: evaluation.clone(), variant: *variant });
            }
            Expr::StructEval { .. } | Expr::SubPlan(..) | Expr::Display { .. } | Expr::Selector(_) => {
                return Err(not_fittable(format!("`{e}` has no fitted form")));
            }
            _ => {}
        }
        let mut failure = None;
        let out = e.map_children(
            &mut |child, _| {
                self.rewrite(child, context).map_err(|f| {
                    failure = Some(f);
                    polars_err!(ComputeError: "fitted rewrite stopped")
                })
            },
            &mut (),
        );
        match (out, failure) {
            (_, Some(f)) => Err(f),
            (out, None) => out.map_err(Fail::from),
        }
    }

    /// An aggregation: a temporary column learned on the fit data stands for it.
    fn statistic(&mut self, e: Expr, context: Context) -> Result<Expr> {
        match context {
            Context::Top => {
                let name = self.temporary("value");
                self.top.push(e.alias(name.clone()));
                Ok(col(name))
            }
            Context::Window(index) => {
                let name = self.temporary("group_value");
                self.windows[index].aggs.push(e.alias(name.clone()));
                self.windows[index].names.push(name.clone());
                Ok(col(name))
            }
            Context::OrderedWindow => Err(not_fittable(format!("the statistic `{e}` inside `over(..., order_by=...)` has no fitted form"))
                .hint("drop `order_by` (a group statistic does not depend on the order), or replay with --recompute")),
            Context::Keys => Err(not_fittable(format!("the statistic `{e}` inside the keys of `over` has no fitted form"))
                .hint("compute the key in an earlier `with_columns`, then partition by that column")),
        }
    }

    /// `function.over(keys)`: the statistics inside are learned per group of the fit data.
    fn window(&mut self, e: Expr, context: Context) -> Result<Expr> {
        let Expr::Over { function, partition_by, order_by, mapping } = e else { unreachable!("called on windows") };
        if !matches!(context, Context::Top) {
            return Err(not_fittable("a window inside a window or a key has no fitted form").hint("compute the inner window in an earlier `with_columns`"));
        }
        let partition_by = partition_by.into_iter().map(|p| self.rewrite(p, Context::Keys)).collect::<Result<Vec<_>>>()?;
        let order_by = match order_by {
            Some((o, options)) => Some((Arc::new(self.rewrite(o.as_ref().clone(), Context::Keys)?), options)),
            None => None,
        };
        let inner = if order_by.is_some() {
            Context::OrderedWindow
        } else if partition_by.is_empty() {
            Context::Top
        } else {
            Context::Window(self.window_group(&partition_by))
        };
        let function = Arc::new(self.rewrite(function.as_ref().clone(), inner)?);
        Ok(Expr::Over { function, partition_by, order_by, mapping })
    }

    fn window_group(&mut self, partition_by: &[Expr]) -> usize {
        if let Some(index) = self.windows.iter().position(|w| w.partition == partition_by) {
            return index;
        }
        let keys = partition_by.iter().map(|p| (self.temporary("key"), p.clone())).collect();
        self.windows.push(WindowStats { partition: partition_by.to_vec(), keys, aggs: Vec::new(), names: Vec::new() });
        self.windows.len() - 1
    }

    /// Classifies a function node by the properties Polars gives it (converted on the schema).
    fn function_kind(&self, e: &Expr) -> Result<Kind> {
        let mut arena = Arena::new();
        let ir = to_expr_ir(e.clone(), &mut ExprToIRContext::new(&mut arena, self.schema)).map_err(Fail::from)?;
        Ok(match arena.get(ir.node()) {
            AExpr::Function { function, options, .. } => classify(function, options),
            AExpr::Agg(_) | AExpr::Len => Kind::Statistic,
            _ => Kind::Kept,
        })
    }
}

fn classify(function: &IRFunctionExpr, options: &FunctionOptions) -> Kind {
    use IRFunctionExpr as F;
    if options.is_elementwise() {
        return Kind::Kept;
    }
    if options.returns_scalar() {
        return Kind::Statistic;
    }
    match function {
        F::Shift
        | F::ShiftAndFill
        | F::Diff(_)
        | F::PctChange
        | F::CumCount { .. }
        | F::CumSum { .. }
        | F::CumProd { .. }
        | F::CumMin { .. }
        | F::CumMax { .. }
        | F::RollingExpr { .. }
        | F::RollingExprBy { .. }
        | F::EwmMean { .. }
        | F::EwmStd { .. }
        | F::EwmVar { .. }
        | F::Interpolate(_)
        | F::RLEID
        | F::Reverse
        | F::DropNulls
        | F::DropNans
        | F::FillNullWithStrategy(FillNullStrategy::Forward(_) | FillNullStrategy::Backward(_)) => Kind::Kept,
        F::Range(_) | F::Repeat => Kind::Generator,
        F::FillNullWithStrategy(_) => Kind::Refused {
            what: "fill_null(strategy=...)".into(),
            hint: "fill with an explicit statistic, e.g. `pl.col(\"x\").fill_null(pl.col(\"x\").mean())` (learned on the fit data), or replay with --recompute",
        },
        F::QCut { .. } => Kind::Refused {
            what: "qcut".into(),
            hint: "take the breaks from the data first, e.g. `breaks = [df[\"x\"].quantile(q) for q in (0.25, 0.5, 0.75)]`, then `pl.col(\"x\").cut(breaks)` (the breaks are then learned on the fit data), or replay with --recompute",
        },
        other => Kind::Refused {
            what: other.to_string(),
            hint: "replay with --recompute to run it on the new data alone, or express it with aggregations (learned on the fit data)",
        },
    }
}

/// Nodes an `int_range`/`repeat` may hold and still number the rows of the frame it runs on.
fn is_generator_bound(e: &Expr) -> bool {
    matches!(e, Expr::Literal(_) | Expr::Len | Expr::Alias(..) | Expr::Cast { .. } | Expr::BinaryExpr { .. } | Expr::Function { .. })
        && !matches!(e, Expr::Function { function, .. } if !matches!(function, FunctionExpr::Range(_) | FunctionExpr::Repeat))
}

fn output_name(e: Expr, schema: &Schema) -> Result<PlSmallStr> {
    let mut arena = Arena::new();
    let ir = to_expr_ir(e, &mut ExprToIRContext::new(&mut arena, schema)).map_err(Fail::from)?;
    Ok(ir.output_name().clone())
}

pub(crate) fn not_fittable(message: impl Into<String>) -> Fail {
    Fail::new(Code::NotFittable, message).hint("replay with --recompute, which runs every step on the new data alone")
}
