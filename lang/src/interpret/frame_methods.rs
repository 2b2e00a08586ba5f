// Frame methods and properties (with_columns, select, filter, join, group_by, …) and the
// group-by builder's `agg`. Each method resolves the new plan's schema at once, so a Polars
// error (column not found, bad types) points at the call that caused it.

use polars::prelude::*;

use super::args::{Bound, CallArgs};
use super::collect::value_of;
use super::conversions::StrAs;
use super::expr_methods::sort_options;
use super::failure::{Fail, Result};
use super::module_pl::dtype_of;
use super::values::{Column, Dict, Frame, GroupBy, Value};
use super::Interpreter;
use crate::allowlist::Namespace;
use crate::diagnostics::Code;

impl Interpreter<'_, '_> {
    pub fn frame_property(&mut self, frame: Frame, name: &str) -> Result<Value> {
        match name {
            "height" => Ok(Value::Int(self.height(frame.data())? as i64)),
            "width" => Ok(Value::Int(self.schema_of(&frame.lf)?.len() as i64)),
            "columns" => {
                let schema = self.schema_of(&frame.lf)?;
                Ok(Value::list(schema.iter_names().map(|n| Value::str(n.as_str())).collect()))
            }
            "schema" => Ok(schema_dict(self.schema_of(&frame.lf)?.as_ref())),
            "dtypes" => {
                let schema = self.schema_of(&frame.lf)?;
                Ok(Value::list(schema.iter_values().map(|d| Value::DType(d.clone())).collect()))
            }
            "shape" => {
                let width = self.schema_of(&frame.lf)?.len() as i64;
                Ok(Value::tuple(vec![Value::Int(self.height(frame.data())? as i64), Value::Int(width)]))
            }
            _ => Err(super::expressions::not_available(name, "DataFrame property", Some(Namespace::Frame))),
        }
    }

    /// Expressions for a frame method; Series taken from another frame are refused.
    fn frame_exprs(&mut self, frame: &Frame, values: Vec<Value>) -> Result<Vec<Expr>> {
        let mut flat = Vec::new();
        for v in values {
            match v {
                Value::List(_) | Value::Tuple(_) => flat.extend(v.sequence_items().unwrap_or_default()),
                other => flat.push(other),
            }
        }
        for v in flat.iter_mut() {
            if let Value::Column(c) = v {
                // A Series of another frame (`other["x"] * 2`, a row mask) is a literal of its
                // values, as in Python (bounded by the row budget); not in a fitted replay, where
                // its values would be the fit data's. A Series combined with expressions
                // (`pl.col("a") + other["x"]`) stays refused: its column names would resolve here.
                let plain = frame.fit.is_none() && c.frame.fit.is_none() && !c.with_expressions;
                if c.frame.id != frame.id && (self.is_eager_frame(c.frame.id) || plain) {
                    let series = self.series_literal(c)?;
                    *v = Value::Expr(lit(series));
                } else if c.frame.id != frame.id {
                    return Err(Fail::type_error("this Series was taken from a different frame (or an earlier version of this one)")
                        .hint("refer to the column with `pl.col(\"name\")` instead of `df[\"name\"]`"));
                }
            }
        }
        self.exprs_from(flat, StrAs::Column)
    }

    fn named_exprs(&mut self, frame: &Frame, kwargs: Vec<(String, Value)>) -> Result<Vec<Expr>> {
        let mut out = Vec::new();
        for (name, value) in kwargs {
            let mut exprs = self.frame_exprs(frame, vec![value])?;
            if exprs.len() != 1 {
                return Err(Fail::type_error(format!("keyword `{name}` must be a single expression")));
            }
            out.push(exprs.remove(0).alias(name));
        }
        Ok(out)
    }

    /// A new frame value whose schema is resolved now (errors point at this call).
    pub fn checked_frame(&mut self, mut lf: LazyFrame) -> Result<Value> {
        self.resolve(&mut lf)?;
        Ok(Value::Frame(self.new_frame(lf)))
    }

    pub fn selector_of(&mut self, values: Vec<Value>) -> Result<Selector> {
        let mut out: Option<Selector> = None;
        let mut flat = Vec::new();
        for v in values {
            match v.sequence_items() {
                Some(items) => flat.extend(items),
                None => flat.push(v),
            }
        }
        for v in flat {
            let next = match v {
                Value::Str(s) => {
                    self.note_column(&s);
                    cols([s.to_string()])
                }
                Value::Selector(s) => s,
                Value::Expr(Expr::Column(name)) => cols([name.to_string()]),
                Value::Expr(Expr::Selector(s)) => s,
                other => return Err(Fail::type_error(format!("expected column names or selectors, got a {}", other.type_name()))),
            };
            out = Some(match out {
                Some(acc) => acc | next,
                None => next,
            });
        }
        Ok(out.unwrap_or(Selector::Empty))
    }

    pub fn frame_method(&mut self, frame: Frame, name: &str, args: CallArgs) -> Result<Value> {
        let mut a = args.bind(Namespace::Frame, name)?;
        let lf = frame.lf.clone();
        match name {
            "with_columns" | "select" => {
                let mut exprs = self.frame_exprs(&frame, std::mem::take(&mut a.rest))?;
                exprs.extend(self.named_exprs(&frame, std::mem::take(&mut a.kwargs))?);
                self.check_generated_rows(&lf, &exprs)?;
                if name == "select" {
                    self.derive_with_exprs(&frame, exprs, |lf, e| lf.select(e))
                } else {
                    self.derive_with_exprs(&frame, exprs, |lf, e| lf.with_columns(e))
                }
            }
            "filter" => {
                let mut predicates = self.frame_exprs(&frame, std::mem::take(&mut a.rest))?;
                for (column, value) in std::mem::take(&mut a.kwargs) {
                    let v = self.to_expr(value, StrAs::Literal)?;
                    predicates.push(self.column(&column).eq(v));
                }
                let predicate = predicates.into_iter().reduce(|acc, p| acc.and(p)).ok_or_else(|| Fail::type_error("filter() needs a predicate"))?;
                self.derive_with_exprs(&frame, vec![predicate], |lf, mut p| lf.filter(p.remove(0)))
            }
            "drop" => {
                let selector = self.selector_of(std::mem::take(&mut a.rest))?;
                let strict = a.bool("strict", true)?;
                let selector = if strict { selector } else { relax(selector) };
                self.derive(&frame, |lf| lf.drop(selector.clone()))
            }
            "rename" => {
                let mut olds = Vec::new();
                let mut news = Vec::new();
                let strict = match a.get("mapping").cloned() {
                    Some(Value::Dict(mapping)) => {
                        for (k, v) in mapping.borrow().entries.iter() {
                            olds.push(k.as_str().ok_or_else(|| Fail::type_error("rename() keys must be strings"))?.to_string());
                            news.push(v.as_str().ok_or_else(|| Fail::type_error("rename() values must be strings"))?.to_string());
                        }
                        a.bool("strict", true)?
                    }
                    // A function of the cell maps every column name (Python Polars:
                    // `select(pl.all().name.map(function))`), called here once per name.
                    Some(function @ Value::Function(_)) => {
                        for (old, _) in self.schema_of(&frame.lf)?.iter() {
                            let new = self.call_value(function.clone(), CallArgs { positional: vec![Value::str(old.to_string())], keywords: Vec::new() })?;
                            let new = new.as_str().ok_or_else(|| Fail::type_error(format!("rename(): the function must return a string for column `{old}`, not {}", new.type_name())))?.to_string();
                            olds.push(old.to_string());
                            news.push(new);
                        }
                        false
                    }
                    _ => return Err(Fail::type_error("rename() takes a dict old name → new name, or a function of the cell (a lambda or def) from old name to new name")),
                };
                self.derive(&frame, |lf| lf.rename(olds.clone(), news.clone(), strict))
            }
            "sort" => {
                let by = a.first_and_rest("by");
                let exprs = self.frame_exprs(&frame, by)?;
                let options = sort_options(&a, exprs.len())?;
                self.derive_with_exprs(&frame, exprs, |lf, e| lf.sort_by_exprs(e, options.clone()))
            }
            "unique" => {
                let subset = match a.get("subset").cloned() {
                    Some(v) => Some(self.selector_of(vec![v])?),
                    None => None,
                };
                let keep = match a.choice("keep", "any", &["any", "first", "last", "none"])?.as_str() {
                    "last" => UniqueKeepStrategy::Last,
                    "none" => UniqueKeepStrategy::None,
                    _ => UniqueKeepStrategy::First,
                };
                self.derive(&frame, |lf| lf.unique_stable(subset.clone(), keep))
            }
            "drop_nulls" => {
                let subset = match a.get("subset").cloned() {
                    Some(v) => Some(self.selector_of(vec![v])?),
                    None => None,
                };
                self.derive(&frame, |lf| lf.drop_nulls(subset.clone()))
            }
            "fill_null" => self.frame_fill_null(frame, &a),
            "fill_nan" => {
                let v = a.raw("value").cloned().unwrap_or(Value::None);
                let v = self.to_expr(v, StrAs::Literal)?;
                let floats = Expr::from(Selector::ByDType(DataTypeSelector::Float));
                self.derive_with_exprs(&frame, vec![floats.fill_nan(v)], |lf, e| lf.with_columns(e))
            }
            "join" => self.join(frame, &a),
            "join_asof" => self.join_asof(frame, &a),
            "pivot" => {
                self.refuse_when_fitted(&frame, "`pivot` (its columns are the values the data holds)", "replay with --recompute")?;
                self.pivot(frame, &a)
            }
            "to_dicts" => {
                let limit = self.limits.max_list_len as IdxSize + 1;
                let df = self.collect(frame.data().clone().limit(limit))?;
                self.check_list_len(df.height())?;
                let mut rows = Vec::with_capacity(df.height());
                for i in 0..df.height() {
                    let mut row = Dict::default();
                    for column in df.columns() {
                        row.insert(Value::str(column.name().as_str()), value_of(column.get(i).map_err(Fail::from)?));
                    }
                    rows.push(Value::dict(row));
                }
                Ok(Value::list(rows))
            }
            "group_by" => {
                let mut keys = self.frame_exprs(&frame, std::mem::take(&mut a.rest))?;
                keys.extend(self.named_exprs(&frame, std::mem::take(&mut a.kwargs))?);
                if keys.is_empty() {
                    return Err(Fail::type_error("group_by() needs at least one key"));
                }
                a.bool("maintain_order", false)?;
                Ok(Value::GroupBy(Box::new(GroupBy { frame, keys, dynamic: None, rolling: None })))
            }
            "group_by_dynamic" => self.group_by_dynamic(frame, &a),
            "rolling" => self.frame_rolling(frame, &a),
            "upsample" => self.upsample(frame, &a),
            "interpolate" => {
                let all = Expr::from(Selector::Wildcard).interpolate(InterpolationMethod::Linear);
                self.derive_with_exprs(&frame, vec![all], |lf, e| lf.select(e))
            }
            // A Series of one bool per row (Python names it "").
            "is_unique" | "is_duplicated" => {
                let schema = self.schema_of(&frame.lf)?;
                let row = as_struct(schema.iter_names().map(|n| col(n.clone())).collect());
                let mask = if name == "is_unique" { row.is_unique() } else { row.is_duplicated() };
                Ok(Value::Column(Column::of(frame, mask.alias(""))))
            }
            "hstack" => self.frame_hstack(frame, &a),
            "transpose" => self.transpose(frame, &a),
            "describe" => self.describe(frame, &a),
            "partition_by" => self.partition_by(frame, &mut a),
            "join_where" => self.join_where(frame, &mut a),
            "row" => self.frame_row(frame, &a),
            "get_columns" => self.frame_columns(frame),
            "vstack" | "extend" => self.frame_vstack(frame, &a),
            "unnest" => self.frame_unnest(frame, &mut a),
            "set_sorted" => {
                let column = a.string("column", "")?;
                let mut args = CallArgs::default();
                for flag in ["descending", "nulls_last"] {
                    args.keywords.push((flag.into(), Value::Bool(a.bool(flag, false)?)));
                }
                let target = self.column(&column);
                let Value::Expr(sorted) = self.expr_method(target, "set_sorted", args)? else { unreachable!("set_sorted gives an expression") };
                self.derive_with_exprs(&frame, vec![sorted], |lf, e| lf.with_columns(e))
            }
            "to_dummies" => {
                self.refuse_when_fitted(
                    &frame,
                    "`to_dummies` (its columns are the values the data holds)",
                    "write the indicators as expressions, e.g. `(pl.col(\"k\") == \"a\").cast(pl.UInt8).alias(\"k_a\")`, or replay with --recompute",
                )?;
                let separator = a.string("separator", "_")?;
                let drop_first = a.bool("drop_first", false)?;
                let drop_nulls = a.bool("drop_nulls", false)?;
                let schema = self.schema_of(&lf)?;
                let columns: Vec<PlSmallStr> = match a.get("columns").cloned() {
                    Some(v) => {
                        let selector = self.selector_of(vec![v])?;
                        selector.into_columns(&schema, &Default::default()).map_err(Fail::from)?.iter().cloned().collect()
                    }
                    None => schema.iter_names().cloned().collect(),
                };
                if self.data_values.is_schema_only() {
                    return self.dummies_from_record(&frame, &columns);
                }
                // The whole frame is data, not a value of the step: not recorded as one.
                let df = self.collect_unrecorded(lf)?;
                let out = match a.get("columns") {
                    Some(_) => df.columns_to_dummies(columns.iter().map(|n| n.as_str()).collect(), Some(&separator), drop_first, drop_nulls),
                    None => df.to_dummies(Some(&separator), drop_first, drop_nulls),
                }
                .map_err(Fail::from)?;
                if self.data_values.is_recording() {
                    self.record_dummies(&df, &out, &columns, &separator)?;
                }
                Ok(Value::Frame(self.new_frame(out.lazy())))
            }
            "with_row_index" => {
                let offset = a.int("offset", 0)?;
                if offset < 0 {
                    return Err(Fail::value_error("with_row_index(): offset must be 0 or more"));
                }
                let index_name = a.string("name", "index")?;
                self.derive(&frame, |lf| lf.with_row_index(index_name.as_str(), Some(offset as IdxSize)))
            }
            "head" | "limit" => {
                let n = a.int("n", 5)?.max(0) as IdxSize;
                self.derive(&frame, |lf| lf.limit(n))
            }
            "tail" => {
                let n = a.int("n", 5)?.max(0) as IdxSize;
                self.derive(&frame, |lf| lf.tail(n))
            }
            "slice" => {
                let offset = a.int("offset", 0)?;
                let length = a.opt_int("length")?.map(|l| l.max(0) as IdxSize).unwrap_or(IdxSize::MAX);
                self.derive(&frame, |lf| lf.slice(offset, length))
            }
            "lazy" | "collect" | "clone" => Ok(Value::Frame(frame)),
            "cast" => {
                let strict = a.bool("strict", true)?;
                match a.required("dtypes")?.clone() {
                    Value::Dict(d) => {
                        let mut exprs = Vec::new();
                        for (k, v) in d.borrow().entries.iter() {
                            let name = k.as_str().ok_or_else(|| Fail::type_error("cast() keys must be column names"))?.to_string();
                            let dtype = dtype_of(v)?;
                            let c = self.column(&name);
                            exprs.push(if strict { c.strict_cast(dtype) } else { c.cast(dtype) });
                        }
                        self.derive(&frame, |lf| lf.with_columns(exprs.clone()))
                    }
                    other => {
                        let dtype = dtype_of(&other)?;
                        self.derive(&frame, |lf| lf.cast_all(dtype.clone(), strict))
                    }
                }
            }
            "explode" => {
                let columns = a.first_and_rest("columns");
                let selector = self.selector_of(columns)?;
                let rows = self.exploded_rows(&lf, &selector)?;
                self.check_rows(rows, "explode")?;
                let options = ExplodeOptions { empty_as_null: a.bool("empty_as_null", false)?, keep_nulls: a.bool("keep_nulls", true)? };
                self.derive(&frame, |lf| lf.explode(selector.clone(), options))
            }
            "unpivot" => self.unpivot(frame, &a),
            "item" => {
                let df = self.collect(frame.data().clone())?;
                let (row, column) = (a.opt_int("row")?, a.get("column").cloned());
                let series = match (&row, &column) {
                    (None, None) => {
                        if df.shape() != (1, 1) {
                            return Err(Fail::value_error(format!("item() needs a 1x1 frame, this one is {}x{}", df.height(), df.width()))
                                .hint("select one aggregated value, e.g. `df.select(pl.col(\"x\").mean()).item()`"));
                        }
                        df.columns()[0].clone()
                    }
                    (Some(_), Some(Value::Str(name))) => df.column(name).map_err(Fail::from)?.clone(),
                    (Some(_), Some(Value::Int(i))) => df.columns().get(*i as usize).cloned().ok_or_else(|| Fail::value_error("column index out of range"))?,
                    _ => return Err(Fail::type_error("item() takes both `row` and `column`, or neither")),
                };
                let index = row.unwrap_or(0);
                let index = if index < 0 { index + series.len() as i64 } else { index };
                if index < 0 || index as usize >= series.len() {
                    return Err(Fail::value_error("row index out of range"));
                }
                Ok(value_of(series.get(index as usize).map_err(Fail::from)?))
            }
            "get_column" => {
                let name = a.string("name", "")?;
                let expr = self.column(&name);
                let probe = frame.lf.clone().select([expr.clone()]);
                self.schema_of(&probe)?;
                Ok(Value::Column(Column::of(frame, expr)))
            }
            "to_series" => {
                let schema = self.schema_of(&frame.lf)?;
                let index = a.int("index", 0)?;
                let index = if index < 0 { index + schema.len() as i64 } else { index };
                let name = schema.get_at_index(index.max(0) as usize).map(|(n, _)| n.to_string()).ok_or_else(|| Fail::value_error("column index out of range"))?;
                let expr = self.column(&name);
                Ok(Value::Column(Column::of(frame, expr)))
            }
            "mean" => self.statistics_frame(&frame, |lf| lf.mean()),
            "sum" => self.statistics_frame(&frame, |lf| lf.sum()),
            "min" => self.statistics_frame(&frame, |lf| lf.min()),
            "max" => self.statistics_frame(&frame, |lf| lf.max()),
            "median" => self.statistics_frame(&frame, |lf| lf.median()),
            "null_count" => self.statistics_frame(&frame, |lf| lf.null_count()),
            "std" => {
                let ddof = a.int("ddof", 1)? as u8;
                self.statistics_frame(&frame, |lf| lf.std(ddof))
            }
            "var" => {
                let ddof = a.int("ddof", 1)? as u8;
                self.statistics_frame(&frame, |lf| lf.var(ddof))
            }
            "collect_schema" => Ok(schema_dict(self.schema_of(&frame.lf)?.as_ref())),
            _ => Err(super::expressions::not_available(name, "DataFrame", Some(Namespace::Frame))),
        }
    }

    /// Rows `explode` would produce, counted before it runs: every list gives max(len, 1) rows
    /// (an empty or null list keeps one null row), other values one row each.
    fn exploded_rows(&mut self, lf: &LazyFrame, selector: &Selector) -> Result<u64> {
        let schema = self.schema_of(lf)?;
        let names = selector.clone().into_columns(&schema, &Default::default()).map_err(Fail::from)?;
        let Some(first) = names.iter().find(|n| matches!(schema.get(n.as_str()), Some(DataType::List(_)))) else {
            return self.budget_height(lf);
        };
        let per_row = col(first.clone()).list().len().fill_null(lit(1u32)).clip_min(lit(1u32)).cast(DataType::UInt64);
        let Some(counted) = self.budget_collect(lf.clone().select([per_row.sum().alias("rows")]))? else { return Ok(0) };
        let value = counted.column("rows").map_err(Fail::from)?.get(0).map_err(Fail::from)?;
        Ok(value.extract::<u64>().unwrap_or(0))
    }

    /// `df.fill_null(value)` fills only the columns whose type the value fits, as Python does.
    fn frame_fill_null(&mut self, frame: Frame, a: &Bound) -> Result<Value> {
        if let Some(strategy) = a.opt_string("strategy")? {
            let mut args = CallArgs::default();
            args.keywords.push(("strategy".into(), Value::str(&strategy)));
            if let Some(limit) = a.get("limit") {
                args.keywords.push(("limit".into(), limit.clone()));
            }
            let Value::Expr(e) = self.expr_method(Expr::from(Selector::Wildcard), "fill_null", args)? else { unreachable!() };
            return self.derive_with_exprs(&frame, vec![e], |lf, e| lf.with_columns(e));
        }
        let value = a.get("value").cloned().ok_or_else(|| Fail::value_error("fill_null needs a value or a strategy"))?;
        let selector = match &value {
            Value::Bool(_) => DataTypeSelector::AnyOf([DataType::Boolean].into()),
            Value::Int(_) | Value::Float(_) if a.bool("matches_supertype", true)? => DataTypeSelector::Numeric,
            Value::Int(_) => DataTypeSelector::AnyOf([DataType::Int64].into()),
            Value::Float(_) => DataTypeSelector::AnyOf([DataType::Float64].into()),
            Value::Str(_) => DataTypeSelector::AnyOf([DataType::String].into()) | DataTypeSelector::Categorical,
            other => {
                let e = self.to_expr(other.clone(), StrAs::Literal)?;
                let probe = LazyFrame::default().select([e.clone()]);
                let dtype = self.schema_of(&probe)?.iter_values().next().cloned().unwrap_or(DataType::Null);
                let fill = Expr::from(Selector::ByDType(DataTypeSelector::AnyOf([dtype].into()))).fill_null(e);
                return self.derive_with_exprs(&frame, vec![fill], |lf, e| lf.with_columns(e));
            }
        };
        let v = self.to_expr(value, StrAs::Literal)?;
        let fill = Expr::from(Selector::ByDType(selector)).fill_null(v);
        self.derive_with_exprs(&frame, vec![fill], |lf, e| lf.with_columns(e))
    }

    pub fn group_by_method(&mut self, group_by: GroupBy, name: &str, args: CallArgs) -> Result<Value> {
        let mut a = args.bind(Namespace::GroupBy, name)?;
        if matches!(name, "head" | "tail") {
            if group_by.dynamic.is_some() || group_by.rolling.is_some() {
                return Err(Fail::type_error(format!("{name}() is not available after group_by_dynamic or rolling")).hint("use `.agg(pl.all().head(n))`"));
            }
            let n = a.int("n", 5)?.max(0) as usize;
            self.refuse_statistics_in_keys(&group_by.frame, &group_by.keys, "group_by")?;
            let keys = group_by.keys;
            let head = name == "head";
            return self.derive(&group_by.frame, |lf| {
                let grouped = lf.group_by_stable(keys.clone());
                if head { grouped.head(Some(n)) } else { grouped.tail(Some(n)) }
            });
        }
        let aggs: Vec<Expr> = match name {
            "agg" => {
                let mut exprs = self.frame_exprs(&group_by.frame, std::mem::take(&mut a.rest))?;
                exprs.extend(self.named_exprs(&group_by.frame, std::mem::take(&mut a.kwargs))?);
                exprs
            }
            "len" => vec![len().alias(a.string("name", "len")?)],
            "count" => return Err(Fail::new(Code::RemovedName, "GroupBy.count() was removed from Python Polars").hint("use `.len()` (rows per group) or `.agg(pl.col(\"x\").count())`")),
            "mean" => vec![Expr::from(Selector::Wildcard).mean()],
            "sum" => vec![Expr::from(Selector::Wildcard).sum()],
            "min" => vec![Expr::from(Selector::Wildcard).min()],
            "max" => vec![Expr::from(Selector::Wildcard).max()],
            "median" => vec![Expr::from(Selector::Wildcard).median()],
            "first" => vec![Expr::from(Selector::Wildcard).first()],
            "last" => vec![Expr::from(Selector::Wildcard).last()],
            "n_unique" => vec![Expr::from(Selector::Wildcard).n_unique()],
            _ => return Err(super::expressions::not_available(name, "GroupBy", Some(Namespace::GroupBy))),
        };
        // In a fitted replay the groups and their statistics are those of the fit data.
        self.statistics_frame(&group_by.frame, |lf| {
            match (group_by.dynamic, group_by.rolling) {
                (Some((index, options)), _) => {
                    let aggs = aggs.into_iter().map(super::time_series::nan_ignoring_extrema).collect::<Vec<_>>();
                    lf.group_by_dynamic(index, group_by.keys, options).agg(aggs)
                }
                (None, Some((index, options))) => {
                    let aggs = aggs.into_iter().map(super::time_series::nan_ignoring_extrema).collect::<Vec<_>>();
                    lf.rolling(index, group_by.keys, options).agg(aggs)
                }
                (None, None) => lf.group_by_stable(group_by.keys).agg(aggs),
            }
        })
    }
}

fn schema_dict(schema: &Schema) -> Value {
    let mut dict = Dict::default();
    for (name, dtype) in schema.iter() {
        dict.insert(Value::str(name.as_str()), Value::DType(dtype.clone()));
    }
    Value::dict(dict)
}

/// `drop(..., strict=False)`: names that do not exist are ignored.
fn relax(selector: Selector) -> Selector {
    match selector {
        Selector::ByName { names, .. } => Selector::ByName { names, strict: false },
        Selector::Union(a, b) => relax(a.as_ref().clone()) | relax(b.as_ref().clone()),
        other => other,
    }
}
