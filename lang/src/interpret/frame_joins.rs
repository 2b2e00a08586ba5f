// Joins and reshaping of frames: `join` (row order of Python's ordered variants), `join_asof`,
// `join_where`, `pivot` (built as Python Polars 2.1 builds it, from the distinct `on` values),
// `unpivot`, `transpose`, `hstack` and `partition_by`.

use polars::prelude::*;

use super::args::Bound;
use super::values::Dict;
use super::conversions::StrAs;
use super::failure::{Fail, Result};
use super::values::{Frame, Value};
use super::Interpreter;
use crate::diagnostics::Code;

impl Interpreter<'_, '_> {
    pub fn join(&mut self, frame: Frame, a: &Bound) -> Result<Value> {
        let Some(Value::Frame(other)) = a.get("other").cloned() else {
            return Err(Fail::type_error("join() needs another frame"));
        };
        let how = a.string("how", "inner")?;
        let how = match how.as_str() {
            "inner" => JoinType::Inner,
            "left" => JoinType::Left,
            "right" => JoinType::Right,
            "full" => JoinType::Full,
            "semi" => JoinType::Semi,
            "anti" => JoinType::Anti,
            "cross" => JoinType::Cross,
            "outer" => return Err(Fail::new(Code::RemovedName, "how=\"outer\" was renamed in Python Polars").hint("use how=\"full\"")),
            other => return Err(Fail::value_error(format!("unknown join type {other:?}")).hint("inner, left, right, full, semi, anti, cross")),
        };
        let validation = match a.choice("validate", "m:m", &["m:m", "m:1", "1:m", "1:1"])?.as_str() {
            "m:1" => JoinValidation::ManyToOne,
            "1:m" => JoinValidation::OneToMany,
            "1:1" => JoinValidation::OneToOne,
            _ => JoinValidation::ManyToMany,
        };
        let coalesce = match a.get("coalesce") {
            None => JoinCoalesce::JoinSpecific,
            Some(Value::Bool(true)) => JoinCoalesce::CoalesceColumns,
            Some(Value::Bool(false)) => JoinCoalesce::KeepColumns,
            Some(other) => return Err(Fail::type_error(format!("coalesce must be True, False or None, not {}", other.type_name()))),
        };
        let maintain_order = match how {
            JoinType::Right => MaintainOrderJoin::Right,
            JoinType::Full | JoinType::Cross => MaintainOrderJoin::LeftRight,
            _ => MaintainOrderJoin::Left,
        };
        let mut args = JoinArgs::new(how.clone());
        args.validation = validation;
        args.suffix = Some(a.string("suffix", "_right")?.into());
        args.nulls_equal = a.bool("nulls_equal", false)?;
        args.coalesce = coalesce;
        args.maintain_order = maintain_order;
        let (left_on, right_on) = if matches!(how, JoinType::Cross) {
            let rows = self.budget_height(&frame.lf)?.saturating_mul(self.budget_height(&other.lf)?);
            self.check_rows(rows, "this cross join")?;
            (Vec::new(), Vec::new())
        } else {
            match (a.get("on").cloned(), a.get("left_on").cloned(), a.get("right_on").cloned()) {
                (Some(on), None, None) => {
                    let keys = self.exprs_from(vec![on], StrAs::Column)?;
                    (keys.clone(), keys)
                }
                (None, Some(l), Some(r)) => (self.exprs_from(vec![l], StrAs::Column)?, self.exprs_from(vec![r], StrAs::Column)?),
                _ => return Err(Fail::type_error("join() needs `on`, or both `left_on` and `right_on`")),
            }
        };
        self.refuse_statistics_in_keys(&frame, &left_on, "join")?;
        self.refuse_statistics_in_keys(&other, &right_on, "join")?;
        self.combine(&[&frame, &other], |sides| {
            let [left, right]: [LazyFrame; 2] = sides.try_into().unwrap_or_else(|_| unreachable!("two frames"));
            Ok(left.join(right, left_on.clone(), right_on.clone(), args.clone()))
        })
    }

    pub fn join_asof(&mut self, frame: Frame, a: &Bound) -> Result<Value> {
        let Some(Value::Frame(other)) = a.get("other").cloned() else {
            return Err(Fail::type_error("join_asof() needs another frame"));
        };
        let (left_on, right_on) = match (a.get("on").cloned(), a.get("left_on").cloned(), a.get("right_on").cloned()) {
            (Some(on), None, None) => {
                let key = self.to_expr(on, StrAs::Column)?;
                (key.clone(), key)
            }
            (None, Some(l), Some(r)) => (self.to_expr(l, StrAs::Column)?, self.to_expr(r, StrAs::Column)?),
            _ => return Err(Fail::type_error("join_asof() needs `on`, or both `left_on` and `right_on`")),
        };
        let names = |me: &Self, v: Option<&Value>| -> Result<Option<Vec<PlSmallStr>>> {
            v.map(|v| me.names_from(vec![v.clone()]).map(|n| n.into_iter().map(PlSmallStr::from).collect())).transpose()
        };
        let (left_by, right_by) = match (a.get("by"), a.get("by_left"), a.get("by_right")) {
            (Some(by), None, None) => (names(self, Some(by))?, names(self, Some(by))?),
            (None, l, r) if l.is_some() == r.is_some() => (names(self, l)?, names(self, r)?),
            _ => return Err(Fail::type_error("join_asof() takes `by`, or both `by_left` and `by_right`")),
        };
        let strategy = match a.choice("strategy", "backward", &["backward", "forward", "nearest"])?.as_str() {
            "forward" => AsofStrategy::Forward,
            "nearest" => AsofStrategy::Nearest,
            _ => AsofStrategy::Backward,
        };
        let (tolerance, tolerance_str) = match a.get("tolerance").cloned() {
            None => (None, None),
            Some(Value::Str(s)) => (None, Some(PlSmallStr::from(s.as_ref()))),
            Some(Value::Int(i)) => (Some(Scalar::from(i)), None),
            Some(Value::Float(f)) => (Some(Scalar::from(f)), None),
            Some(Value::Scalar(s)) => (Some(s), None),
            Some(other) => return Err(Fail::type_error(format!("tolerance must be a number, a duration string or a timedelta, not a {}", other.type_name()))),
        };
        let options = AsOfOptions {
            strategy,
            tolerance,
            tolerance_str,
            left_by,
            right_by,
            allow_eq: a.bool("allow_exact_matches", true)?,
            check_sortedness: a.bool("check_sortedness", true)?,
        };
        let mut args = JoinArgs::new(JoinType::AsOf(Box::new(options)));
        args.suffix = Some(a.string("suffix", "_right")?.into());
        args.coalesce = if a.bool("coalesce", true)? { JoinCoalesce::CoalesceColumns } else { JoinCoalesce::KeepColumns };
        self.refuse_statistics_in_keys(&frame, std::slice::from_ref(&left_on), "join_asof")?;
        self.refuse_statistics_in_keys(&other, std::slice::from_ref(&right_on), "join_asof")?;
        self.combine(&[&frame, &other], |sides| {
            let [left, right]: [LazyFrame; 2] = sides.try_into().unwrap_or_else(|_| unreachable!("two frames"));
            Ok(left.join(right, [left_on.clone()], [right_on.clone()], args.clone()))
        })
    }

    /// `pivot`, as Python 2.1 builds it: the distinct `on` values (collected when not given)
    /// become columns; `aggregate_function=None` takes the single value of each cell.
    pub fn pivot(&mut self, frame: Frame, a: &Bound) -> Result<Value> {
        let schema = self.schema_of(&frame.lf)?;
        let on = self.selector_of(vec![a.required("on")?.clone()])?;
        let on_names = on.clone().into_columns(&schema, &Default::default()).map_err(Fail::from)?;
        let on_columns = match a.get("on_columns").cloned() {
            Some(Value::Frame(f)) => self.collect(f.lf)?,
            Some(Value::Column(c)) => self.collect(c.frame.lf.clone().select([c.expr.clone()]))?,
            Some(list @ (Value::List(_) | Value::Tuple(_))) => {
                let items = list.sequence_items().unwrap_or_default();
                DataFrame::new_infer_height(vec![super::conversions::series_of(PlSmallStr::EMPTY, &items)?.into_column()]).map_err(Fail::from)?
            }
            Some(other) => return Err(Fail::type_error(format!("on_columns must be a list, a Series or a frame, not a {}", other.type_name()))),
            None => {
                let keys: Vec<Expr> = on_names.iter().map(|n| col(n.clone())).collect();
                let distinct = frame.lf.clone().select(keys.clone()).unique_stable(None, UniqueKeepStrategy::First);
                let distinct = if a.bool("sort_columns", false)? { distinct.sort_by_exprs(keys, SortMultipleOptions::default().with_maintain_order(true)) } else { distinct };
                let limit = self.limits.max_list_len as IdxSize + 1;
                self.collect(distinct.limit(limit))?
            }
        };
        self.check_list_len(on_columns.height())?;
        let (index, values) = match (a.get("index").cloned(), a.get("values").cloned()) {
            (Some(i), Some(v)) => (self.selector_of(vec![i])?, self.selector_of(vec![v])?),
            (Some(i), None) => {
                let index = self.selector_of(vec![i])?;
                (index.clone(), Selector::Wildcard - on.clone() - index)
            }
            (None, Some(v)) => {
                let values = self.selector_of(vec![v])?;
                (Selector::Wildcard - on.clone() - values.clone(), values)
            }
            (None, None) => return Err(Fail::type_error("pivot() needs `index` or `values`")),
        };
        let element = Expr::Element;
        let agg = match a.get("aggregate_function").cloned() {
            None => element.item(true),
            Some(Value::Str(f)) => match f.as_ref() {
                "first" => element.first(),
                "last" => element.last(),
                "item" => element.item(false),
                "sum" => element.sum(),
                "mean" => element.mean(),
                "median" => element.median(),
                "min" => element.min(),
                "max" => element.max(),
                "len" => element.len(),
                "count" => return Err(Fail::new(Code::RemovedName, "aggregate_function='count' was replaced in Python Polars").hint("use aggregate_function='len'")),
                other => return Err(Fail::value_error(format!("invalid aggregate_function {other:?}")).hint("first, last, item, sum, mean, median, min, max, len, or an expression on pl.element()")),
            },
            Some(other) if other.is_expression_like() => self.to_expr(other, StrAs::Column)?,
            Some(other) => return Err(Fail::type_error(format!("aggregate_function must be a name or an expression, not a {}", other.type_name()))),
        };
        let naming = match a.choice("column_naming", "auto", &["auto", "combine"])?.as_str() {
            "combine" => polars::frame::PivotColumnNaming::Combine,
            _ => polars::frame::PivotColumnNaming::Auto,
        };
        let separator = PlSmallStr::from(a.string("separator", "_")?);
        let lf = frame.lf.clone().pivot(on, std::sync::Arc::new(on_columns), index, values, agg, a.bool("maintain_order", true)?, separator, naming);
        self.checked_frame(lf)
    }

    /// `unpivot`, in Python's row order: the rows of every `on` column in turn (Rust Polars'
    /// streaming engine unpivots morsel by morsel, which interleaves them), the values in their
    /// supertype. Built as one `select` per `on` column, concatenated in order.
    pub fn unpivot(&mut self, frame: Frame, a: &Bound) -> Result<Value> {
        let schema = self.schema_of(&frame.lf)?;
        let index = match a.get("index").cloned() {
            Some(v) => self.selector_of(vec![v])?.into_columns(&schema, &Default::default()).map_err(Fail::from)?,
            None => Default::default(),
        };
        let on = match a.get("on").cloned() {
            Some(v) => self.selector_of(vec![v])?.into_columns(&schema, &Default::default()).map_err(Fail::from)?,
            None => schema.iter_names().filter(|n| !index.contains(*n)).cloned().collect(),
        };
        let variable_name = PlSmallStr::from(a.opt_string("variable_name")?.unwrap_or_else(|| "variable".into()));
        let value_name = PlSmallStr::from(a.opt_string("value_name")?.unwrap_or_else(|| "value".into()));
        if on.is_empty() {
            let args = UnpivotArgsDSL {
                on: Some(Selector::Empty),
                index: Selector::ByName { names: index.iter().cloned().collect(), strict: true },
                variable_name: Some(variable_name),
                value_name: Some(value_name),
            };
            return self.derive(&frame, |lf| lf.unpivot(args.clone()));
        }
        let index: Vec<Expr> = index.iter().map(|n| col(n.clone())).collect();
        self.combine(&[&frame], |mut sides| {
            let lf = sides.remove(0);
            let parts: Vec<LazyFrame> = on
                .iter()
                .map(|name| {
                    let mut exprs = index.clone();
                    exprs.push(lit(name.as_str()).alias(variable_name.clone()));
                    exprs.push(col(name.clone()).alias(value_name.clone()));
                    lf.clone().select(exprs)
                })
                .collect();
            concat(parts, UnionArgs { maintain_order: true, to_supertypes: true, ..Default::default() }).map_err(Fail::from)
        })
    }

    /// `df.join_where(other, *predicates, suffix="_right")`: the pairs of rows where every
    /// predicate holds (an inner join; Python leaves their order open). Counted against the row
    /// budget as a cross join is.
    pub fn join_where(&mut self, frame: Frame, a: &mut Bound) -> Result<Value> {
        let Some(Value::Frame(other)) = a.get("other").cloned() else {
            return Err(Fail::type_error("join_where() needs another frame"));
        };
        a.choice("how", "inner", &["inner"])?;
        let predicates = self.exprs_from(std::mem::take(&mut a.rest), StrAs::Column)?;
        if predicates.is_empty() {
            return Err(Fail::type_error("join_where() needs at least one predicate").hint("for all pairs use `join(other, how=\"cross\")`"));
        }
        let rows = self.budget_height(&frame.lf)?.saturating_mul(self.budget_height(&other.lf)?);
        self.check_rows(rows, "this join_where (as many pairs as a cross join)")?;
        // Rust Polars' own join_where needs its `iejoin` feature, which this build lacks: the
        // same pairs come from a cross join filtered by the predicates.
        let mut args = JoinArgs::new(JoinType::Cross);
        args.suffix = Some(a.string("suffix", "_right")?.into());
        args.maintain_order = MaintainOrderJoin::LeftRight;
        let predicate = predicates.into_iter().reduce(|acc, p| acc.and(p)).unwrap_or_else(|| lit(true));
        self.combine(&[&frame, &other], |sides| {
            let [left, right]: [LazyFrame; 2] = sides.try_into().unwrap_or_else(|_| unreachable!("two frames"));
            Ok(left.join(right, Vec::<Expr>::new(), Vec::<Expr>::new(), args.clone()).filter(predicate.clone()))
        })
    }

    /// `df.hstack(columns)`: a frame's columns, or a list of Series, added on the right.
    pub fn frame_hstack(&mut self, frame: Frame, a: &Bound) -> Result<Value> {
        if a.bool("in_place", false)? {
            return Err(Fail::new(Code::UnsupportedArgument, "hstack(): `in_place=True` is not supported").hint("assign the result: `df = df.hstack(other)`"));
        }
        match a.required("columns")?.clone() {
            Value::Frame(other) => self.combine(&[&frame, &other], |lfs| concat_lf_horizontal(lfs, HConcatOptions { strict: true, ..Default::default() }).map_err(Fail::from)),
            series @ (Value::List(_) | Value::Tuple(_)) => {
                let mut args = super::args::CallArgs::default();
                args.positional = series.sequence_items().unwrap_or_default();
                self.frame_method(frame, "with_columns", args)
            }
            other => Err(Fail::type_error(format!("hstack() takes a frame or a list of Series, not a {}", other.type_name()))),
        }
    }

    /// `df.partition_by(by, *more_by, maintain_order=True, include_key=True, as_dict=False)`:
    /// one frame per distinct key (in first-seen order), as a list or a dict keyed by tuples.
    /// The keys are collected; their number is bounded by the list budget.
    pub fn partition_by(&mut self, frame: Frame, a: &mut Bound) -> Result<Value> {
        self.refuse_when_fitted(&frame, "`partition_by` (its parts are the keys the data holds)", "filter each part explicitly, or replay with --recompute")?;
        let schema = self.schema_of(&frame.lf)?;
        let by = self.selector_of(a.first_and_rest("by"))?.into_columns(&schema, &Default::default()).map_err(Fail::from)?;
        let keys: Vec<Expr> = by.iter().map(|n| col(n.clone())).collect();
        let limit = self.limits.max_list_len as IdxSize + 1;
        let distinct = self.collect(frame.lf.clone().select(keys.clone()).unique_stable(None, UniqueKeepStrategy::First).limit(limit))?;
        self.check_list_len(distinct.height())?;
        let include_key = a.bool("include_key", true)?;
        let as_dict = a.bool("as_dict", false)?;
        let mut parts = Vec::with_capacity(distinct.height());
        let mut dict = Dict::default();
        for row in 0..distinct.height() {
            let mut predicate: Option<Expr> = None;
            let mut key_values = Vec::with_capacity(keys.len());
            for column in distinct.columns() {
                let value = column.get(row).map_err(Fail::from)?.into_static();
                key_values.push(super::collect::value_of(value.clone()));
                let this = col(column.name().clone()).eq_missing(Expr::Literal(LiteralValue::Scalar(Scalar::new(column.dtype().clone(), value))));
                predicate = Some(match predicate {
                    Some(p) => p.and(this),
                    None => this,
                });
            }
            let predicate = predicate.ok_or_else(|| Fail::type_error("partition_by() needs at least one key"))?;
            let dropped = Selector::ByName { names: by.iter().cloned().collect(), strict: true };
            let part = self.derive(&frame, |lf| {
                let rows = lf.filter(predicate.clone());
                if include_key { rows } else { rows.drop(dropped.clone()) }
            })?;
            if as_dict {
                dict.insert(Value::tuple(key_values), part);
            } else {
                parts.push(part);
            }
        }
        Ok(if as_dict { Value::dict(dict) } else { Value::list(parts) })
    }

    /// `df.transpose(include_header=False, header_name="column", column_names=None)`: collected,
    /// as Python does it; the frame's rows become columns, so they are bounded by the list budget.
    pub fn transpose(&mut self, frame: Frame, a: &Bound) -> Result<Value> {
        self.refuse_when_fitted(&frame, "`transpose` (its columns are the rows the data holds)", "replay with --recompute")?;
        let limit = self.limits.max_list_len as IdxSize + 1;
        let mut df = self.collect(frame.lf.clone().limit(limit))?;
        self.check_list_len(df.height())?;
        let header = a.string("header_name", "column")?;
        let keep_names_as = if a.bool("include_header", false)? { Some(header.as_str()) } else { None };
        let names = match a.get("column_names").cloned() {
            None => None,
            Some(Value::Str(_)) => {
                return Err(Fail::new(Code::UnsupportedArgument, "transpose(column_names=\"<column>\") is not supported").hint("give the new names as a list, e.g. `column_names=df[\"name\"].to_list()`"))
            }
            Some(other) => Some(self.names_from(vec![other])?),
        };
        let mut out = df.transpose(keep_names_as, None).map_err(Fail::from)?;
        if let Some(names) = names {
            let offset = usize::from(keep_names_as.is_some());
            let old: Vec<PlSmallStr> = out.get_column_names().into_iter().skip(offset).cloned().collect();
            if old.len() != names.len() {
                return Err(Fail::value_error(format!("transpose(): {} column names for {} columns", names.len(), old.len())));
            }
            for (from, to) in old.iter().zip(&names) {
                out.rename(from.as_str(), to.as_str().into()).map_err(Fail::from)?;
            }
        }
        Ok(Value::Frame(self.new_frame(out.lazy())))
    }
}
