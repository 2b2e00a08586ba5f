// Window aggregations (`agg.over(keys)`) rewritten as a group-by joined back on the keys, for
// plans over sources larger than memory: the streaming engine holds every row of a window, but
// streams a group-by (one row per group) and a left join against it.
//
// The same values: `over` broadcasts each group's aggregate to the group's rows, which is a left
// join on the keys with nulls equal (null keys form a group), in the left frame's row order.
// `unstreamed_operations` names what is left that needs all rows in memory (a sort, a pivot, the
// windows this cannot rewrite).

use std::sync::Arc;

use polars::prelude::*;

/// `plan` with every rewritable window of its `with_columns` and `select` steps (see
/// `rewritable`) computed by a group-by and a join instead.
pub fn streaming_windows(plan: LazyFrame) -> LazyFrame {
    LazyFrame::from(rewrite_plan(plan.logical_plan))
}

fn rewrite_plan(plan: DslPlan) -> DslPlan {
    let inner = |input: Arc<DslPlan>| Arc::new(rewrite_plan(Arc::unwrap_or_clone(input)));
    match plan {
        DslPlan::HStack { input, exprs, options } => {
            with_windows_joined(inner(input), exprs, |input, exprs| DslPlan::HStack { input, exprs, options }, true)
        }
        // A `pl.all()` in the select picks the temporary columns up, other selects do not: the
        // drop is not strict.
        DslPlan::Select { expr, input, options } => {
            with_windows_joined(inner(input), expr, |input, expr| DslPlan::Select { expr, input, options }, false)
        }
        DslPlan::Filter { input, predicate } => DslPlan::Filter { input: inner(input), predicate },
        DslPlan::Sort { input, by_column, slice, sort_options } => DslPlan::Sort { input: inner(input), by_column, slice, sort_options },
        DslPlan::Slice { input, offset, len } => DslPlan::Slice { input: inner(input), offset, len },
        DslPlan::Distinct { input, options } => DslPlan::Distinct { input: inner(input), options },
        DslPlan::MapFunction { input, function } => DslPlan::MapFunction { input: inner(input), function },
        DslPlan::Join { input_left, input_right, left_on, right_on, predicates, options } => DslPlan::Join {
            input_left: inner(input_left),
            input_right: inner(input_right),
            left_on,
            right_on,
            predicates,
            options,
        },
        DslPlan::GroupBy { input, keys, predicates, aggs, apply, maintain_order, options } => {
            DslPlan::GroupBy { input: inner(input), keys, predicates, aggs, apply, maintain_order, options }
        }
        // A plan whose schema was resolved carries its IR beside the DSL it came from.
        DslPlan::IR { dsl, .. } => rewrite_plan(Arc::unwrap_or_clone(dsl)),
        DslPlan::Cache { input, id } => DslPlan::Cache { input: inner(input), id },
        DslPlan::Union { inputs, args } => DslPlan::Union { inputs: inputs.into_iter().map(rewrite_plan).collect(), args },
        other => other,
    }
}

/// The operations of `plan` (best after `streaming_windows`) that hold every row reaching them,
/// in words ("`sort`", "window `over(customer)`"), once each.
pub fn unstreamed_operations(plan: &LazyFrame) -> Vec<String> {
    let mut found = Vec::new();
    collect_unstreamed(&plan.logical_plan, &mut found);
    found.dedup();
    found
}

fn collect_unstreamed(plan: &DslPlan, found: &mut Vec<String>) {
    let mut note = |what: String| {
        if !found.contains(&what) {
            found.push(what);
        }
    };
    let exprs: &[Expr] = match plan {
        DslPlan::HStack { exprs, .. } => exprs,
        DslPlan::Select { expr, .. } => expr,
        DslPlan::Filter { predicate, .. } => std::slice::from_ref(predicate),
        DslPlan::Sort { .. } => {
            note("`sort` of the whole frame".to_string());
            &[]
        }
        DslPlan::Pivot { .. } => {
            note("`pivot`".to_string());
            &[]
        }
        _ => &[],
    };
    for expr in exprs {
        for node in expr {
            match node {
                Expr::Over { partition_by, .. } => {
                    let keys: Vec<String> = partition_by
                        .iter()
                        .map(|k| match k {
                            Expr::Column(name) => name.to_string(),
                            other => format!("{other}"),
                        })
                        .collect();
                    note(format!("the window `over({})`", keys.join(", ")));
                }
                Expr::Rolling { .. } => note("a rolling window".to_string()),
                Expr::Sort { .. } | Expr::SortBy { .. } => note("a sort of a column".to_string()),
                _ => {}
            }
        }
    }
    let mut inner = |input: &DslPlan| collect_unstreamed(input, found);
    match plan {
        DslPlan::HStack { input, .. }
        | DslPlan::Select { input, .. }
        | DslPlan::Filter { input, .. }
        | DslPlan::Sort { input, .. }
        | DslPlan::Slice { input, .. }
        | DslPlan::Distinct { input, .. }
        | DslPlan::MapFunction { input, .. }
        | DslPlan::GroupBy { input, .. }
        | DslPlan::Cache { input, .. }
        | DslPlan::Pivot { input, .. } => inner(input),
        DslPlan::IR { dsl, .. } => inner(dsl),
        DslPlan::Join { input_left, input_right, .. } => {
            inner(input_left);
            inner(input_right);
        }
        DslPlan::Union { inputs, .. } => inputs.iter().for_each(inner),
        _ => {}
    }
}

/// The step `rebuild(input, exprs)` with its rewritable windows taken out of `exprs`: computed
/// on `input` by group-bys joined back, read from temporary columns that are then dropped
/// (`strict`: they must all still be there).
fn with_windows_joined(input: Arc<DslPlan>, exprs: Vec<Expr>, rebuild: impl FnOnce(Arc<DslPlan>, Vec<Expr>) -> DslPlan, strict: bool) -> DslPlan {
    let mut windows = Windows::default();
    let exprs: Vec<Expr> = exprs.into_iter().map(|e| windows.take(e)).collect();
    if windows.is_empty() {
        return rebuild(input, exprs);
    }
    let temporary = windows.names();
    let joined = windows.join_onto(Arc::unwrap_or_clone(input));
    let step = rebuild(Arc::new(joined), exprs);
    LazyFrame::from(step).drop(Selector::ByName { names: temporary.into(), strict }).logical_plan
}

/// The windows taken out of one step's expressions, each replaced by a temporary column.
#[derive(Default)]
struct Windows {
    /// Per distinct key list: the aggregations (aliased to their temporary names).
    by_keys: Vec<(Vec<PlSmallStr>, Vec<Expr>)>,
    count: usize,
}

impl Windows {
    fn is_empty(&self) -> bool {
        self.count == 0
    }

    fn names(&self) -> Vec<PlSmallStr> {
        (0..self.count).map(temporary_name).collect()
    }

    /// `expr` with each rewritable window inside it replaced by its temporary column. A window
    /// that is the whole expression keeps its output name only through an alias, so a bare one
    /// is left alone.
    fn take(&mut self, expr: Expr) -> Expr {
        if matches!(expr, Expr::Over { .. }) {
            return expr;
        }
        expr.map_expr(|e| match rewritable(&e) {
            Some(keys) => {
                let Expr::Over { function, .. } = e else { unreachable!("checked by rewritable") };
                let name = temporary_name(self.count);
                self.count += 1;
                let aggregation = Arc::unwrap_or_clone(function).alias(name.clone());
                match self.by_keys.iter_mut().find(|(k, _)| *k == keys) {
                    Some((_, aggregations)) => aggregations.push(aggregation),
                    None => self.by_keys.push((keys, vec![aggregation])),
                }
                col(name)
            }
            None => e,
        })
    }

    /// `input` left-joined with one group-by per key list (nulls equal, left order kept).
    fn join_onto(self, input: DslPlan) -> DslPlan {
        let base = LazyFrame::from(input);
        let mut joined = base.clone();
        for (keys, aggregations) in self.by_keys {
            let on: Vec<Expr> = keys.iter().map(|k| col(k.clone())).collect();
            let groups = base.clone().group_by(on.clone()).agg(aggregations);
            let mut args = JoinArgs::new(JoinType::Left);
            args.nulls_equal = true;
            args.maintain_order = MaintainOrderJoin::Left;
            joined = joined.join(groups, on.clone(), on, args);
        }
        joined.logical_plan
    }
}

fn temporary_name(index: usize) -> PlSmallStr {
    format!("__fe_window_{index}").into()
}

/// The key columns of a window a group-by computes the same way: `AGG(x).over(cols)` with no
/// `order_by`, mapped back to rows, AGG one of min, max, mean, sum, count, len, std, var, and
/// `x` free of other windows and aggregations.
fn rewritable(expr: &Expr) -> Option<Vec<PlSmallStr>> {
    let Expr::Over { function, partition_by, order_by: None, mapping: WindowMapping::GroupsToRows } = expr else { return None };
    let keys: Option<Vec<PlSmallStr>> = partition_by
        .iter()
        .map(|key| match key {
            Expr::Column(name) => Some(name.clone()),
            _ => None,
        })
        .collect();
    let keys = keys.filter(|k| !k.is_empty())?;
    let input = match function.as_ref() {
        Expr::Len => return Some(keys),
        Expr::Agg(
            AggExpr::Min { input, .. }
            | AggExpr::Max { input, .. }
            | AggExpr::Mean(input)
            | AggExpr::Sum(input)
            | AggExpr::Count { input, .. }
            | AggExpr::Std(input, _)
            | AggExpr::Var(input, _),
        ) => input,
        _ => return None,
    };
    // One output column: a selector (`cs.float()`, `pl.all()`) or a regex would expand into
    // several windows, all given the one temporary name.
    let single_column = |e: &Expr| match e {
        Expr::Selector(_) | Expr::Element => false,
        Expr::Column(name) => !(name.as_str() == "*" || name.starts_with('^') && name.ends_with('$')),
        _ => true,
    };
    let element_wise = input.as_ref().into_iter().all(|e| !matches!(e, Expr::Over { .. } | Expr::Agg(_) | Expr::Len | Expr::Rolling { .. }) && single_column(e));
    element_wise.then_some(keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame() -> DataFrame {
        df!(
            "k" => [Some("a"), Some("b"), None, Some("a"), None, Some("c")],
            "j" => [1i64, 1, 2, 2, 2, 1],
            "x" => [Some(1.0), Some(2.0), Some(3.0), None, Some(5.0), Some(6.5)],
        )
        .unwrap()
    }

    fn windows(lf: LazyFrame) -> LazyFrame {
        lf.with_columns([
            col("x").mean().over([col("k")]).unwrap().alias("mean_k"),
            (col("x") - col("x").sum().over([col("k"), col("j")]).unwrap()).alias("minus_sum"),
            len().over([col("j")]).unwrap().alias("n_j"),
            col("x").std(1).over([col("k")]).unwrap().alias("std_k"),
            col("x").cum_sum(false).over([col("k")]).unwrap().alias("not_rewritten"),
        ])
        .select([col("*"), col("x").max().over([col("j")]).unwrap().alias("max_j")])
    }

    #[test]
    fn rewritten_windows_give_the_frame_over_gives_in_the_same_row_order() {
        let expected = windows(frame().lazy()).collect().unwrap();
        let rewritten = streaming_windows(windows(frame().lazy()));
        let plan = rewritten.clone().describe_plan().unwrap();
        assert!(plan.contains("LEFT JOIN") || plan.contains("JOIN"), "{plan}");
        assert_eq!(rewritten.clone().collect().unwrap(), expected);
        let streamed = rewritten.collect_with_engine(Engine::Streaming).unwrap().unwrap_single();
        assert_eq!(streamed, expected);
    }

    #[test]
    fn a_plan_whose_schema_was_resolved_is_rewritten_too() {
        let mut plan = windows(frame().lazy());
        plan.collect_schema().unwrap();
        let rewritten = streaming_windows(plan.clone());
        assert!(rewritten.describe_plan().unwrap().contains("JOIN"));
        assert_eq!(rewritten.collect().unwrap(), plan.collect().unwrap());
    }

    #[test]
    fn what_still_holds_every_row_is_named() {
        let plan = streaming_windows(windows(frame().lazy()).sort(["x"], Default::default()));
        let found = unstreamed_operations(&plan);
        assert_eq!(found, vec!["`sort` of the whole frame".to_string(), "the window `over(k)`".to_string()], "{found:?}");
        assert!(unstreamed_operations(&streaming_windows(frame().lazy().with_columns([col("x").mean().over([col("k")]).unwrap().alias("m")]))).is_empty());
    }

    #[test]
    fn a_window_over_several_columns_at_once_is_left_alone() {
        let plan = frame().lazy().with_columns([dtype_col(&DataType::Float64).as_selector().as_expr().mean().over([col("k")]).unwrap().name().prefix("m_")]);
        let rewritten = streaming_windows(plan.clone());
        assert!(!rewritten.describe_plan().unwrap().contains("JOIN"));
        assert_eq!(rewritten.collect().unwrap(), plan.collect().unwrap());
    }

    #[test]
    fn a_bare_or_ordered_window_is_left_alone() {
        let plan = frame().lazy().with_columns([col("x").mean().over([col("k")]).unwrap()]);
        let rewritten = streaming_windows(plan.clone());
        assert!(!rewritten.describe_plan().unwrap().contains("JOIN"));
        assert_eq!(rewritten.collect().unwrap(), plan.collect().unwrap());
    }
}
