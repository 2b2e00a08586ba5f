// Frame methods and properties (with_columns, select, filter, join, group_by, …) and the
// group-by builder's `agg`. Each method resolves the new plan's schema at once, so a Polars
// error (column not found, bad types) points at the call that caused it.

use polars::prelude::*;

use super::args::{Bound, CallArgs};
use super::collect::{schema_checked, value_of};
use super::conversions::StrAs;
use super::expr_methods::{closed_window, parse_duration, sort_options};
use super::failure::{Fail, Result};
use super::module_pl::dtype_of;
use super::values::{Column, Dict, Frame, GroupBy, Value};
use super::Interpreter;
use crate::allowlist::Namespace;
use crate::diagnostics::Code;

impl Interpreter<'_, '_> {
    pub fn frame_property(&mut self, frame: Frame, name: &str) -> Result<Value> {
        match name {
            "height" => Ok(Value::Int(self.height(&frame.lf)? as i64)),
            "width" => Ok(Value::Int(schema_checked(&frame.lf)?.len() as i64)),
            "columns" => {
                let schema = schema_checked(&frame.lf)?;
                Ok(Value::list(schema.iter_names().map(|n| Value::str(n.as_str())).collect()))
            }
            "schema" => Ok(schema_dict(schema_checked(&frame.lf)?.as_ref())),
            "dtypes" => {
                let schema = schema_checked(&frame.lf)?;
                Ok(Value::list(schema.iter_values().map(|d| Value::DType(d.clone())).collect()))
            }
            "shape" => {
                let width = schema_checked(&frame.lf)?.len() as i64;
                Ok(Value::tuple(vec![Value::Int(self.height(&frame.lf)? as i64), Value::Int(width)]))
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
        for v in &flat {
            if let Value::Column(c) = v {
                if c.frame.id != frame.id {
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
    fn checked_frame(&mut self, lf: LazyFrame) -> Result<Value> {
        schema_checked(&lf)?;
        Ok(Value::Frame(self.new_frame(lf)))
    }

    fn selector_of(&mut self, values: Vec<Value>) -> Result<Selector> {
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
                let lf = if name == "select" { lf.select(exprs) } else { lf.with_columns(exprs) };
                self.checked_frame(lf)
            }
            "filter" => {
                let mut predicates = self.frame_exprs(&frame, std::mem::take(&mut a.rest))?;
                for (column, value) in std::mem::take(&mut a.kwargs) {
                    let v = self.to_expr(value, StrAs::Literal)?;
                    predicates.push(self.column(&column).eq(v));
                }
                let predicate = predicates.into_iter().reduce(|acc, p| acc.and(p)).ok_or_else(|| Fail::type_error("filter() needs a predicate"))?;
                self.checked_frame(lf.filter(predicate))
            }
            "drop" => {
                let selector = self.selector_of(std::mem::take(&mut a.rest))?;
                let strict = a.bool("strict", true)?;
                let selector = if strict { selector } else { relax(selector) };
                self.checked_frame(lf.drop(selector))
            }
            "rename" => {
                let Some(Value::Dict(mapping)) = a.get("mapping").cloned() else {
                    return Err(Fail::type_error("rename() takes a dict old name → new name").hint("a function mapping would need a lambda"));
                };
                let mut olds = Vec::new();
                let mut news = Vec::new();
                for (k, v) in mapping.borrow().entries.iter() {
                    olds.push(k.as_str().ok_or_else(|| Fail::type_error("rename() keys must be strings"))?.to_string());
                    news.push(v.as_str().ok_or_else(|| Fail::type_error("rename() values must be strings"))?.to_string());
                }
                self.checked_frame(lf.rename(olds, news, a.bool("strict", true)?))
            }
            "sort" => {
                let by = a.first_and_rest("by");
                let exprs = self.frame_exprs(&frame, by)?;
                let options = sort_options(&a, exprs.len())?;
                self.checked_frame(lf.sort_by_exprs(exprs, options))
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
                self.checked_frame(lf.unique_stable(subset, keep))
            }
            "drop_nulls" => {
                let subset = match a.get("subset").cloned() {
                    Some(v) => Some(self.selector_of(vec![v])?),
                    None => None,
                };
                self.checked_frame(lf.drop_nulls(subset))
            }
            "fill_null" => self.frame_fill_null(frame, &a),
            "fill_nan" => {
                let v = a.raw("value").cloned().unwrap_or(Value::None);
                let v = self.to_expr(v, StrAs::Literal)?;
                let floats = Expr::from(Selector::ByDType(DataTypeSelector::Float));
                self.checked_frame(lf.with_columns([floats.fill_nan(v)]))
            }
            "join" => self.join(frame, &a),
            "join_asof" => self.join_asof(frame, &a),
            "pivot" => self.pivot(frame, &a),
            "to_dicts" => {
                let limit = self.limits.max_list_len as IdxSize + 1;
                let df = self.collect(lf.limit(limit))?;
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
                Ok(Value::GroupBy(Box::new(GroupBy { frame, keys, dynamic: None })))
            }
            "group_by_dynamic" => {
                let index = self.to_expr(a.required("index_column")?.clone(), StrAs::Column)?;
                let every = parse_duration(&a.string("every", "")?)?;
                let period = match a.opt_string("period")? {
                    Some(p) => parse_duration(&p)?,
                    None => every,
                };
                let offset = match a.opt_string("offset")? {
                    Some(o) => parse_duration(&o)?,
                    None => Duration::parse("0ns"),
                };
                let label = match a.choice("label", "left", &["left", "right", "datapoint"])?.as_str() {
                    "right" => Label::Right,
                    "datapoint" => Label::DataPoint,
                    _ => Label::Left,
                };
                let start_by = match a.choice("start_by", "window", &["window", "datapoint", "monday"])?.as_str() {
                    "datapoint" => StartBy::DataPoint,
                    "monday" => StartBy::Monday,
                    _ => StartBy::WindowBound,
                };
                let options = DynamicGroupOptions {
                    every,
                    period,
                    offset,
                    label,
                    include_boundaries: a.bool("include_boundaries", false)?,
                    closed_window: closed_window(&a.string("closed", "left")?)?,
                    start_by,
                    ..Default::default()
                };
                let keys = match a.get("group_by").cloned() {
                    Some(v) => self.frame_exprs(&frame, vec![v])?,
                    None => Vec::new(),
                };
                Ok(Value::GroupBy(Box::new(GroupBy { frame, keys, dynamic: Some((index, options)) })))
            }
            "to_dummies" => {
                let df = self.collect(lf)?;
                let separator = a.string("separator", "_")?;
                let drop_first = a.bool("drop_first", false)?;
                let drop_nulls = a.bool("drop_nulls", false)?;
                let out = match a.get("columns").cloned() {
                    Some(v) => {
                        let selector = self.selector_of(vec![v])?;
                        let names = selector.into_columns(df.schema(), &Default::default()).map_err(Fail::from)?;
                        let names: Vec<&str> = names.iter().map(|n| n.as_str()).collect();
                        df.columns_to_dummies(names, Some(&separator), drop_first, drop_nulls)
                    }
                    None => df.to_dummies(Some(&separator), drop_first, drop_nulls),
                }
                .map_err(Fail::from)?;
                Ok(Value::Frame(self.new_frame(out.lazy())))
            }
            "with_row_index" => {
                let offset = a.int("offset", 0)?;
                if offset < 0 {
                    return Err(Fail::value_error("with_row_index(): offset must be 0 or more"));
                }
                self.checked_frame(lf.with_row_index(a.string("name", "index")?, Some(offset as IdxSize)))
            }
            "head" | "limit" => self.checked_frame(lf.limit(a.int("n", 5)?.max(0) as IdxSize)),
            "tail" => self.checked_frame(lf.tail(a.int("n", 5)?.max(0) as IdxSize)),
            "slice" => {
                let offset = a.int("offset", 0)?;
                let length = a.opt_int("length")?.map(|l| l.max(0) as IdxSize).unwrap_or(IdxSize::MAX);
                self.checked_frame(lf.slice(offset, length))
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
                        self.checked_frame(lf.with_columns(exprs))
                    }
                    other => {
                        let dtype = dtype_of(&other)?;
                        self.checked_frame(lf.cast_all(dtype, strict))
                    }
                }
            }
            "explode" => {
                let columns = a.first_and_rest("columns");
                let selector = self.selector_of(columns)?;
                let exploded = lf.explode(selector, ExplodeOptions { empty_as_null: true, keep_nulls: true });
                let rows = self.height(&exploded)?;
                self.check_rows(rows, "explode")?;
                self.checked_frame(exploded)
            }
            "unpivot" => {
                let on = match a.get("on").cloned() {
                    Some(v) => Some(self.selector_of(vec![v])?),
                    None => None,
                };
                let index = match a.get("index").cloned() {
                    Some(v) => self.selector_of(vec![v])?,
                    None => Selector::Empty,
                };
                let args = UnpivotArgsDSL {
                    on,
                    index,
                    variable_name: a.opt_string("variable_name")?.map(PlSmallStr::from),
                    value_name: a.opt_string("value_name")?.map(PlSmallStr::from),
                };
                self.checked_frame(lf.unpivot(args))
            }
            "item" => {
                let df = self.collect(lf)?;
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
                schema_checked(&probe)?;
                Ok(Value::Column(Column { frame, expr }))
            }
            "to_series" => {
                let schema = schema_checked(&frame.lf)?;
                let index = a.int("index", 0)?;
                let index = if index < 0 { index + schema.len() as i64 } else { index };
                let name = schema.get_at_index(index.max(0) as usize).map(|(n, _)| n.to_string()).ok_or_else(|| Fail::value_error("column index out of range"))?;
                let expr = self.column(&name);
                Ok(Value::Column(Column { frame, expr }))
            }
            "mean" => self.checked_frame(lf.mean()),
            "sum" => self.checked_frame(lf.sum()),
            "min" => self.checked_frame(lf.min()),
            "max" => self.checked_frame(lf.max()),
            "median" => self.checked_frame(lf.median()),
            "null_count" => self.checked_frame(lf.null_count()),
            "std" => self.checked_frame(lf.std(a.int("ddof", 1)? as u8)),
            "var" => self.checked_frame(lf.var(a.int("ddof", 1)? as u8)),
            "collect_schema" => Ok(schema_dict(schema_checked(&frame.lf)?.as_ref())),
            _ => Err(super::expressions::not_available(name, "DataFrame", Some(Namespace::Frame))),
        }
    }

    /// `df.fill_null(value)` fills only the columns whose type the value fits, as Python does.
    fn frame_fill_null(&mut self, frame: Frame, a: &Bound) -> Result<Value> {
        let lf = frame.lf.clone();
        if let Some(strategy) = a.opt_string("strategy")? {
            let mut args = CallArgs::default();
            args.keywords.push(("strategy".into(), Value::str(&strategy)));
            if let Some(limit) = a.get("limit") {
                args.keywords.push(("limit".into(), limit.clone()));
            }
            let Value::Expr(e) = self.expr_method(Expr::from(Selector::Wildcard), "fill_null", args)? else { unreachable!() };
            return self.checked_frame(lf.with_columns([e]));
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
                let dtype = schema_checked(&probe)?.iter_values().next().cloned().unwrap_or(DataType::Null);
                let fill = Expr::from(Selector::ByDType(DataTypeSelector::AnyOf([dtype].into()))).fill_null(e);
                return self.checked_frame(lf.with_columns([fill]));
            }
        };
        let v = self.to_expr(value, StrAs::Literal)?;
        let fill = Expr::from(Selector::ByDType(selector)).fill_null(v);
        self.checked_frame(lf.with_columns([fill]))
    }

    fn join(&mut self, frame: Frame, a: &Bound) -> Result<Value> {
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
            let rows = self.height(&frame.lf)?.saturating_mul(self.height(&other.lf)?);
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
        let lf = frame.lf.clone().join(other.lf.clone(), left_on, right_on, args);
        self.checked_frame(lf)
    }

    fn join_asof(&mut self, frame: Frame, a: &Bound) -> Result<Value> {
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
        let lf = frame.lf.clone().join(other.lf.clone(), [left_on], [right_on], args);
        self.checked_frame(lf)
    }

    /// `pivot`, as Python 2.1 builds it: the distinct `on` values (collected when not given)
    /// become columns; `aggregate_function=None` takes the single value of each cell.
    fn pivot(&mut self, frame: Frame, a: &Bound) -> Result<Value> {
        let schema = schema_checked(&frame.lf)?;
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

    pub fn group_by_method(&mut self, group_by: GroupBy, name: &str, args: CallArgs) -> Result<Value> {
        let mut a = args.bind(Namespace::GroupBy, name)?;
        if matches!(name, "head" | "tail") {
            if group_by.dynamic.is_some() {
                return Err(Fail::type_error(format!("{name}() is not available after group_by_dynamic")).hint("use `.agg(pl.all().head(n))`"));
            }
            let n = a.int("n", 5)?.max(0) as usize;
            let grouped = group_by.frame.lf.clone().group_by_stable(group_by.keys);
            let lf = if name == "head" { grouped.head(Some(n)) } else { grouped.tail(Some(n)) };
            return self.checked_frame(lf);
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
        let lf = group_by.frame.lf.clone();
        let grouped = match group_by.dynamic {
            Some((index, options)) => lf.group_by_dynamic(index, group_by.keys, options),
            None => lf.group_by_stable(group_by.keys),
        };
        self.checked_frame(grouped.agg(aggs))
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
