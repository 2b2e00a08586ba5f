// The `pl` module: col, lit, when, len, aggregation shortcuts, horizontal functions,
// concat_str, coalesce, int_range, repeat, concat, DataFrame literals, dates, durations, and
// the data types (`pl.Int64`, `pl.Datetime("ms")`, `dtype.is_numeric()`).

use polars::prelude::*;

use super::args::CallArgs;
use super::conversions::{dyn_int, list_literal, series_of, StrAs};
use super::failure::{Fail, Result};
use super::values::{Frame, Value, WhenChain};
use super::Interpreter;
use crate::allowlist::Namespace;
use crate::diagnostics::Code;

pub(crate) fn dtype_named(name: &str) -> Option<DataType> {
    Some(match name {
        "Int8" => DataType::Int8,
        "Int16" => DataType::Int16,
        "Int32" => DataType::Int32,
        "Int64" => DataType::Int64,
        "UInt8" => DataType::UInt8,
        "UInt16" => DataType::UInt16,
        "UInt32" => DataType::UInt32,
        "UInt64" => DataType::UInt64,
        "Float32" => DataType::Float32,
        "Float64" => DataType::Float64,
        "Boolean" => DataType::Boolean,
        "String" | "Utf8" => DataType::String,
        "Date" => DataType::Date,
        "Time" => DataType::Time,
        "Datetime" => DataType::Datetime(TimeUnit::Microseconds, None),
        "Duration" => DataType::Duration(TimeUnit::Microseconds),
        "Categorical" => DataType::from_categories(Categories::global()),
        "List" => DataType::List(Box::new(DataType::Null)),
        "Array" => DataType::Array(Box::new(DataType::Null), 0),
        "Struct" => DataType::Struct(Vec::new()),
        _ => return None,
    })
}

/// Python's repr of a data type.
pub(crate) fn dtype_repr(dtype: &DataType) -> String {
    match dtype {
        DataType::String => "String".into(),
        DataType::Datetime(tu, tz) => format!(
            "Datetime(time_unit='{}', time_zone={})",
            time_unit_name(*tu),
            tz.as_ref().map(|t| format!("'{t}'")).unwrap_or_else(|| "None".into())
        ),
        DataType::Duration(tu) => format!("Duration(time_unit='{}')", time_unit_name(*tu)),
        DataType::List(inner) => format!("List({})", dtype_repr(inner)),
        DataType::Array(inner, width) => format!("Array({}, shape=({width},))", dtype_repr(inner)),
        DataType::Struct(fields) => format!(
            "Struct({{{}}})",
            fields.iter().map(|f| format!("'{}': {}", f.name(), dtype_repr(f.dtype()))).collect::<Vec<_>>().join(", ")
        ),
        DataType::Categorical(..) => "Categorical".into(),
        other => {
            let text = format!("{other:?}");
            text
        }
    }
}

fn time_unit_name(tu: TimeUnit) -> &'static str {
    match tu {
        TimeUnit::Nanoseconds => "ns",
        TimeUnit::Microseconds => "us",
        TimeUnit::Milliseconds => "ms",
    }
}

pub(crate) fn time_unit(text: &str) -> Result<TimeUnit> {
    Ok(match text {
        "ns" => TimeUnit::Nanoseconds,
        "us" => TimeUnit::Microseconds,
        "ms" => TimeUnit::Milliseconds,
        other => return Err(Fail::value_error(format!("time unit must be 'ns', 'us' or 'ms', not {other:?}"))),
    })
}

/// A time zone name Polars knows (IANA names such as "UTC" or "Europe/Berlin").
pub(crate) fn time_zone(name: &str) -> Result<TimeZone> {
    TimeZone::opt_try_new(Some(PlSmallStr::from(name)))
        .map_err(Fail::from)?
        .ok_or_else(|| Fail::value_error(format!("unknown time zone {name:?}")).hint("use an IANA name such as \"UTC\" or \"Europe/Berlin\""))
}

/// A data type from a value (`pl.Int64`, `pl.Datetime("ms")`).
pub(crate) fn dtype_of(value: &Value) -> Result<DataType> {
    match value {
        Value::DType(d) => Ok(d.clone()),
        Value::Builtin("int") => Ok(DataType::Int64),
        Value::Builtin("float") => Ok(DataType::Float64),
        Value::Builtin("str") => Ok(DataType::String),
        Value::Builtin("bool") => Ok(DataType::Boolean),
        other => Err(Fail::type_error(format!("expected a data type such as `pl.Float64`, got a {}", other.type_name()))),
    }
}

/// `pl.Datetime("ms", "UTC")`, `pl.List(pl.Int64)`, `pl.Int64()`.
pub(crate) fn construct_dtype(dtype: &DataType, args: &CallArgs, _me: &mut Interpreter<'_, '_>) -> Result<Value> {
    let args = args.clone();
    match dtype {
        DataType::Datetime(..) => {
            let a = args.bind(Namespace::DataType, "Datetime")?;
            let tu = time_unit(&a.string("time_unit", "us")?)?;
            let tz = a.opt_string("time_zone")?;
            let tz = match tz {
                Some(t) => Some(time_zone(&t)?),
                None => None,
            };
            Ok(Value::DType(DataType::Datetime(tu, tz)))
        }
        DataType::Duration(_) => {
            let a = args.bind(Namespace::DataType, "Duration")?;
            Ok(Value::DType(DataType::Duration(time_unit(&a.string("time_unit", "us")?)?)))
        }
        DataType::Array(..) => {
            let a = args.bind(Namespace::DataType, "Array")?;
            let width = match a.required("shape")? {
                Value::Int(w) if *w > 0 => *w as usize,
                other => return Err(Fail::type_error(format!("pl.Array(inner, shape): shape must be a positive int here, not {}", other.type_name()))),
            };
            Ok(Value::DType(DataType::Array(Box::new(dtype_of(a.required("inner")?)?), width)))
        }
        DataType::List(_) => {
            let a = args.bind(Namespace::DataType, "List")?;
            Ok(Value::DType(DataType::List(Box::new(dtype_of(a.required("inner")?)?))))
        }
        DataType::Struct(_) => {
            let a = args.bind(Namespace::DataType, "Struct")?;
            // A dict name → dtype, or a list of `pl.Field(name, dtype)` (name, dtype pairs here).
            let pairs: Vec<(Value, Value)> = match a.required("fields")? {
                Value::Dict(fields) => fields.borrow().entries.clone(),
                other => other
                    .sequence_items()
                    .ok_or_else(|| Fail::type_error("pl.Struct(...) takes a dict of field name → data type, or a list of pl.Field(name, dtype)"))?
                    .into_iter()
                    .map(|field| match field.sequence_items() {
                        Some(pair) if pair.len() == 2 => Ok((pair[0].clone(), pair[1].clone())),
                        _ => Err(Fail::type_error("pl.Struct([...]) takes pl.Field(name, dtype) items")),
                    })
                    .collect::<Result<_>>()?,
            };
            let mut out = Vec::new();
            for (name, dtype) in &pairs {
                let name = name.as_str().ok_or_else(|| Fail::type_error("pl.Struct field names must be strings"))?;
                out.push(Field::new(name.into(), dtype_of(dtype)?));
            }
            Ok(Value::DType(DataType::Struct(out)))
        }
        other => {
            if !args.positional.is_empty() || !args.keywords.is_empty() {
                return Err(Fail::type_error(format!("{}() takes no arguments", dtype_repr(other))));
            }
            Ok(Value::DType(other.clone()))
        }
    }
}

pub(crate) fn dtype_method(dtype: &DataType, name: &str, args: &CallArgs) -> Result<Value> {
    args.clone().bind(Namespace::DataType, name)?;
    Ok(Value::Bool(match name {
        "is_numeric" => dtype.is_primitive_numeric() || matches!(dtype, DataType::Decimal(..)),
        "is_integer" => dtype.is_integer(),
        "is_float" => dtype.is_float(),
        "is_temporal" => dtype.is_temporal(),
        "is_signed_integer" => dtype.is_signed_integer(),
        "is_unsigned_integer" => dtype.is_unsigned_integer(),
        _ => return Err(super::expressions::not_available(name, "DataType", Some(Namespace::DataType))),
    }))
}

impl Interpreter<'_, '_> {
    /// `pl.col(...)` arguments to one expression.
    fn col_of(&mut self, names: Vec<Value>) -> Result<Expr> {
        let mut flat = Vec::new();
        for v in names {
            match v {
                Value::List(_) | Value::Tuple(_) => flat.extend(v.sequence_items().unwrap_or_default()),
                other => flat.push(other),
            }
        }
        if flat.is_empty() {
            return Err(Fail::type_error("pl.col() needs at least one name"));
        }
        if flat.iter().all(|v| matches!(v, Value::DType(_) | Value::Builtin(_))) {
            let dtypes = flat.iter().map(dtype_of).collect::<Result<Vec<_>>>()?;
            let selector = Selector::ByDType(dtype_cols(dtypes));
            self.note_selector(&selector);
            return Ok(Expr::from(selector));
        }
        let names = self.names_from(flat)?;
        if names.len() == 1 {
            let name = &names[0];
            if name.starts_with('^') && name.ends_with('$') {
                let selector = Selector::Matches(name.as_str().into());
                self.note_selector(&selector);
                return Ok(Expr::from(selector));
            }
            return Ok(self.column(name));
        }
        for n in &names {
            self.note_column(n);
        }
        Ok(Expr::from(cols(names)))
    }

    pub fn pl_function(&mut self, name: &'static str, args: CallArgs) -> Result<Value> {
        let mut a = args.bind(Namespace::Pl, name)?;
        let expr = match name {
            "col" => {
                let names = std::mem::take(&mut a.rest);
                self.col_of(names)?
            }
            "lit" => {
                let value = a.required("value")?.clone();
                let e = match value {
                    Value::Str(s) => lit(s.to_string()),
                    Value::List(_) | Value::Tuple(_) => list_literal(&value.sequence_items().unwrap_or_default())?,
                    // `pl.lit(series)` is a literal of the Series' values (from whatever frame it
                    // was taken), not a reference to a column of the frame it is used in.
                    Value::Column(c) if !c.with_expressions => lit(self.series_literal(&c)?),
                    other => self.to_expr(other, StrAs::Literal)?,
                };
                match a.get("dtype") {
                    Some(d) => e.strict_cast(dtype_of(d)?),
                    None => e,
                }
            }
            "when" => {
                let predicates = std::mem::take(&mut a.rest);
                let condition = self.all_of(predicates)?;
                return Ok(Value::When(WhenChain { branches: vec![(condition, None)] }));
            }
            "len" => len(),
            "all" | "exclude" | "first" | "last" | "count" | "sum" | "mean" | "median" | "min" | "max" | "n_unique" => {
                let columns = std::mem::take(&mut a.rest);
                if columns.is_empty() {
                    match name {
                        "all" => {
                            let selector = Selector::Wildcard;
                            self.note_selector(&selector);
                            return Ok(Value::Selector(selector));
                        }
                        "count" => {
                            return Err(Fail::new(Code::RemovedName, "`pl.count()` without a column was removed from Python Polars")
                                .hint("use `pl.len()` to count rows"))
                        }
                        _ => return Err(Fail::type_error(format!("pl.{name}() needs a column name"))),
                    }
                }
                if name == "exclude" {
                    let names = self.names_from(columns)?;
                    let selector = Selector::Wildcard - cols(names);
                    self.note_selector(&selector);
                    return Ok(Value::Selector(selector));
                }
                let e = self.col_of(columns)?;
                match name {
                    "all" => e.all(true),
                    "first" => e.first(),
                    "last" => e.last(),
                    "count" => e.count(),
                    "sum" => e.sum(),
                    "mean" => e.mean(),
                    "median" => e.median(),
                    "min" => e.min(),
                    "max" => e.max(),
                    _ => e.n_unique(),
                }
            }
            "std" | "var" => {
                let e = self.col_of(vec![a.required("column")?.clone()])?;
                let ddof = a.int("ddof", 1)? as u8;
                if name == "std" { e.std(ddof) } else { e.var(ddof) }
            }
            "corr" => {
                let method = a.choice("method", "pearson", &["pearson", "spearman"])?;
                if a.bool("eager", false)? {
                    return Err(Fail::new(Code::UnsupportedArgument, "pl.corr(..., eager=True) is not supported").hint("use it as an expression: `df.select(pl.corr(\"a\", \"b\")).item()`"));
                }
                let x = self.to_expr(a.required("a")?.clone(), StrAs::Column)?;
                let y = self.to_expr(a.required("b")?.clone(), StrAs::Column)?;
                if method == "spearman" { spearman_rank_corr(x, y, a.bool("propagate_nans", false)?) } else { pearson_corr(x, y) }
            }
            "concat_str" => {
                let parts = a.first_and_rest("exprs");
                let exprs = self.exprs_from(parts, StrAs::Column)?;
                let separator = a.string("separator", "")?;
                concat_str(exprs, &separator, a.bool("ignore_nulls", false)?)
            }
            "format" => {
                let fmt = a.string("f_string", "")?;
                let parts = std::mem::take(&mut a.rest);
                let exprs = self.exprs_from(parts, StrAs::Column)?;
                format_str(&fmt, &exprs).map_err(Fail::from)?
            }
            "coalesce" => {
                let parts = a.first_and_rest("exprs");
                let exprs = self.exprs_from(parts, StrAs::Column)?;
                coalesce(&exprs)
            }
            "sum_horizontal" | "mean_horizontal" | "min_horizontal" | "max_horizontal" | "any_horizontal" | "all_horizontal" => {
                let parts = std::mem::take(&mut a.rest);
                let exprs = self.exprs_from(parts, StrAs::Column)?;
                let ignore_nulls = a.bool("ignore_nulls", true)?;
                match name {
                    "sum_horizontal" => polars::lazy::dsl::sum_horizontal(exprs, ignore_nulls),
                    "mean_horizontal" => polars::lazy::dsl::mean_horizontal(exprs, ignore_nulls),
                    "min_horizontal" => polars::lazy::dsl::min_horizontal(exprs),
                    "max_horizontal" => polars::lazy::dsl::max_horizontal(exprs),
                    "any_horizontal" => polars::lazy::dsl::any_horizontal(exprs),
                    _ => polars::lazy::dsl::all_horizontal(exprs),
                }
                .map_err(Fail::from)?
            }
            "int_range" => {
                let (start, end) = match a.get("end") {
                    Some(_) => (a.required("start")?.clone(), a.required("end")?.clone()),
                    None => (Value::Int(0), a.get("start").cloned().ok_or_else(|| Fail::type_error("int_range() needs an end"))?),
                };
                let step = a.int("step", 1)?;
                if step == 0 {
                    return Err(Fail::value_error("int_range() step must not be zero"));
                }
                if let (Value::Int(s), Value::Int(e)) = (&start, &end) {
                    let rows = ((e - s) / step).max(0) as u64;
                    self.check_rows(rows, "pl.int_range")?;
                }
                let dtype = match a.get("dtype") {
                    Some(d) => dtype_of(d)?,
                    None => DataType::Int64,
                };
                let s = self.to_expr(start, StrAs::Column)?;
                let e = self.to_expr(end, StrAs::Column)?;
                let range = int_range(s, e, step, dtype);
                if a.bool("eager", false)? {
                    return self.eager_series(range);
                }
                range
            }
            "date_range" | "date_ranges" | "datetime_range" | "datetime_ranges" => {
                let range = self.range_of_dates(name, &a)?;
                if a.bool("eager", false)? {
                    return self.eager_series(range);
                }
                range
            }
            "cov" => self.covariance(&a)?,
            "int_ranges" => {
                let start = a.get("start").cloned().unwrap_or(Value::Int(0));
                let (start, end) = match a.get("end").cloned() {
                    Some(end) => (start, end),
                    None => (Value::Int(0), start),
                };
                let step = a.get("step").cloned().unwrap_or(Value::Int(1));
                let dtype = match a.get("dtype") {
                    Some(d) => dtype_of(d)?,
                    None => DataType::Int64,
                };
                let (start, end, step) = (self.to_expr(start, StrAs::Column)?, self.to_expr(end, StrAs::Column)?, self.to_expr(step, StrAs::Column)?);
                let ranges = int_ranges(start, end, step, dtype);
                if a.bool("eager", false)? {
                    return self.eager_series(ranges);
                }
                ranges
            }
            "Series" => return self.literal_series(&a),
            "LazyFrame" => return self.literal_frame(a),
            "Field" => {
                let name = a.string("name", "")?;
                return Ok(Value::tuple(vec![Value::str(name), Value::DType(dtype_of(a.required("dtype")?)?)]));
            }
            "Expr" => {
                return Err(Fail::type_error("pl.Expr is a type (for annotations and isinstance), not a function").hint("build expressions with `pl.col(...)` or `pl.lit(...)`"))
            }
            "business_day_count" => self.business_day_count(&a)?,
            "field" => {
                let names = self.names_from(vec![a.required("name")?.clone()])?;
                Expr::Field(names.into_iter().map(PlSmallStr::from).collect())
            }
            "fold" | "reduce" | "cum_fold" | "cum_reduce" => self.horizontal_fold(name, &a)?,
            "concat_list" => {
                let parts = a.first_and_rest("exprs");
                let exprs = self.exprs_from(parts, StrAs::Column)?;
                concat_list(exprs).map_err(Fail::from)?
            }
            "repeat" => {
                let n = a.required("n")?.clone();
                if let Value::Int(count) = n {
                    self.check_rows(count.max(0) as u64, "pl.repeat")?;
                }
                let value = a.required("value")?.clone();
                let v = match value {
                    Value::Str(s) => lit(s.to_string()),
                    other => self.to_expr(other, StrAs::Literal)?,
                };
                let v = match a.get("dtype") {
                    Some(d) => v.strict_cast(dtype_of(d)?),
                    None => v,
                };
                let n = self.to_expr(n, StrAs::Column)?;
                repeat(v, n)
            }
            "arctan2" => {
                let y = self.to_expr(a.required("y")?.clone(), StrAs::Column)?;
                let x = self.to_expr(a.required("x")?.clone(), StrAs::Column)?;
                y.arctan2(x)
            }
            "struct" => {
                let mut fields = self.exprs_from(std::mem::take(&mut a.rest), StrAs::Column)?;
                for (name, value) in std::mem::take(&mut a.kwargs) {
                    fields.push(self.to_expr(value, StrAs::Column)?.alias(name));
                }
                if fields.is_empty() {
                    return Err(Fail::type_error("pl.struct() needs at least one field"));
                }
                as_struct(fields)
            }
            "element" => Expr::Element,
            "concat" => return self.concat_frames(a),
            "DataFrame" => return self.literal_frame(a),
            "date" | "datetime" => {
                let year = self.to_expr(a.required("year")?.clone(), StrAs::Column)?;
                let month = self.to_expr(a.required("month")?.clone(), StrAs::Column)?;
                let day = self.to_expr(a.required("day")?.clone(), StrAs::Column)?;
                let mut args = DatetimeArgs::new(year, month, day);
                if name == "datetime" {
                    for (field, setter) in [("hour", 0), ("minute", 1), ("second", 2), ("microsecond", 3)] {
                        if let Some(v) = a.get(field) {
                            let e = self.to_expr(v.clone(), StrAs::Column)?;
                            args = match setter {
                                0 => args.with_hour(e),
                                1 => args.with_minute(e),
                                2 => args.with_second(e),
                                _ => args.with_microsecond(e),
                            };
                        }
                    }
                    datetime(args)
                } else {
                    datetime(args).cast(DataType::Date).alias("date")
                }
            }
            "duration" => {
                let mut args = DurationArgs::new();
                let mut any = false;
                for field in ["weeks", "days", "hours", "minutes", "seconds", "milliseconds", "microseconds"] {
                    if let Some(v) = a.get(field) {
                        any = true;
                        let e = self.to_expr(v.clone(), StrAs::Column)?;
                        args = match field {
                            "weeks" => args.with_weeks(e),
                            "days" => args.with_days(e),
                            "hours" => args.with_hours(e),
                            "minutes" => args.with_minutes(e),
                            "seconds" => args.with_seconds(e),
                            "milliseconds" => args.with_milliseconds(e),
                            _ => args.with_microseconds(e),
                        };
                    }
                }
                if !any {
                    args = args.with_days(dyn_int(0));
                }
                duration(args)
            }
            _ => return Err(super::expressions::not_available(name, "pl", Some(Namespace::Pl))),
        };
        Ok(Value::Expr(expr))
    }

    /// AND of several predicates (strings are column names, as in Python).
    pub fn all_of(&mut self, predicates: Vec<Value>) -> Result<Expr> {
        let exprs = self.exprs_from(predicates, StrAs::Column)?;
        let mut iter = exprs.into_iter();
        let first = iter.next().ok_or_else(|| Fail::type_error("at least one predicate is needed"))?;
        Ok(iter.fold(first, |acc, e| acc.and(e)))
    }

    fn concat_frames(&mut self, a: super::args::Bound) -> Result<Value> {
        let items = self.iterate(a.required("items")?)?;
        let how = a.choice("how", "vertical", &["vertical", "horizontal", "horizontal_extend", "diagonal", "vertical_relaxed", "diagonal_relaxed"])?;
        if items.iter().all(|v| v.is_expression_like()) && !items.is_empty() {
            return Err(Fail::type_error("pl.concat of expressions is not supported").hint("concatenate frames, or use `pl.concat_str` for text"));
        }
        let mut frames = Vec::new();
        for item in items {
            match item {
                Value::Frame(f) => frames.push(f),
                other => return Err(Fail::type_error(format!("pl.concat needs frames, got a {}", other.type_name()))),
            }
        }
        let frames: Vec<&Frame> = frames.iter().collect();
        self.combine(&frames, |lfs| match how.as_str() {
            "vertical" => concat(lfs, UnionArgs { maintain_order: true, ..Default::default() }),
            "vertical_relaxed" => concat(lfs, UnionArgs { maintain_order: true, to_supertypes: true, ..Default::default() }),
            "diagonal" | "diagonal_relaxed" => {
                let relaxed = how == "diagonal_relaxed";
                concat(aligned_for_diagonal_concat(lfs)?, UnionArgs { maintain_order: true, to_supertypes: relaxed, ..Default::default() })
            }
            // Python 2.1: "horizontal" needs frames of one height, "horizontal_extend" pads.
            "horizontal" => concat_lf_horizontal(lfs, HConcatOptions { strict: true, ..Default::default() }),
            _ => concat_lf_horizontal(lfs, Default::default()),
        }
        .map_err(Fail::from))
    }

    /// `pl.Series(name, values, dtype=None)`: an eager Series of Python values (or
    /// `pl.Series(values)`), held in a frame of its own as `eager=True` ranges are.
    fn literal_series(&mut self, a: &super::args::Bound) -> Result<Value> {
        let (name, values) = match (a.get("name").cloned(), a.get("values").cloned()) {
            (Some(Value::Str(name)), Some(values)) => (name.to_string(), values),
            (Some(Value::Str(name)), None) => (name.to_string(), Value::list(Vec::new())),
            (Some(values), None) => (String::new(), values),
            (None, Some(values)) => (String::new(), values),
            (None, None) => (String::new(), Value::list(Vec::new())),
            (Some(other), Some(_)) => return Err(Fail::type_error(format!("pl.Series(name, values): the name must be a str, not a {}", other.type_name()))),
        };
        let items = match values {
            Value::Column(column) => super::collect::values_of(&self.series_literal(&column)?.into_column())?,
            other => other.sequence_items().ok_or_else(|| Fail::type_error("pl.Series(...) takes a list of values"))?,
        };
        self.check_list_len(items.len())?;
        let mut series = series_of(name.as_str().into(), &items)?;
        if let Some(dtype) = a.get("dtype") {
            let dtype = dtype_of(dtype)?;
            series = if a.bool("strict", true)? { series.strict_cast(&dtype) } else { series.cast(&dtype) }.map_err(Fail::from)?;
        }
        let frame = self.new_frame(DataFrame::new_infer_height(vec![series.into_column()]).map_err(Fail::from)?.lazy());
        self.note_eager_frame(frame.id);
        Ok(Value::Column(super::values::Column::of(frame, col(name.as_str()))))
    }

    fn literal_frame(&mut self, a: super::args::Bound) -> Result<Value> {
        let data = a.get("data").cloned().unwrap_or_else(|| Value::dict(Default::default()));
        let Value::Dict(dict) = data else {
            return Err(Fail::type_error("pl.DataFrame(...) takes a dict of column name → list of values"));
        };
        let mut columns = Vec::new();
        let mut height = None;
        for (k, v) in dict.borrow().entries.iter() {
            let name = k.as_str().ok_or_else(|| Fail::type_error("column names must be strings"))?;
            // A Series (an eager range, or a column of a frame) gives its values, as in Python.
            let series = match v {
                Value::Column(column) => self.series_literal(column)?.with_name(name.into()),
                _ => {
                    let values = v.sequence_items().ok_or_else(|| Fail::type_error("each column must be a list of values or a Series"))?;
                    self.check_list_len(values.len())?;
                    series_of(name.into(), &values)?
                }
            };
            if *height.get_or_insert(series.len()) != series.len() {
                return Err(Fail::value_error("all columns of pl.DataFrame(...) must have the same length"));
            }
            columns.push(series.into_column());
        }
        let mut df = DataFrame::new_infer_height(columns).map_err(Fail::from)?;
        if let Some(Value::Dict(schema)) = a.get("schema") {
            for (k, v) in schema.borrow().entries.iter() {
                let name = k.as_str().ok_or_else(|| Fail::type_error("schema names must be strings"))?;
                let dtype = dtype_of(v)?;
                let cast = df.column(name).map_err(Fail::from)?.strict_cast(&dtype).map_err(Fail::from)?;
                df.with_column(cast).map_err(Fail::from)?;
            }
        }
        let lf = df.lazy();
        Ok(Value::Frame(self.new_frame(lf)))
    }
}

/// Python's diagonal concat: every frame gets the union of the columns, in order of first
/// appearance, with missing ones as nulls of the type the column has where it first appears.
fn aligned_for_diagonal_concat(lfs: Vec<LazyFrame>) -> Result<Vec<LazyFrame>> {
    let schemas = lfs.iter().map(super::collect::schema_checked).collect::<Result<Vec<_>>>()?;
    let mut union: Vec<(PlSmallStr, DataType)> = Vec::new();
    for schema in &schemas {
        for (name, dtype) in schema.iter() {
            if !union.iter().any(|(seen, _)| seen == name) {
                union.push((name.clone(), dtype.clone()));
            }
        }
    }
    Ok(lfs
        .into_iter()
        .zip(&schemas)
        .map(|(lf, schema)| {
            let columns: Vec<Expr> = union
                .iter()
                .map(|(name, dtype)| match schema.get(name) {
                    Some(_) => col(name.clone()),
                    None => lit(NULL).cast(dtype.clone()).alias(name.clone()),
                })
                .collect();
            lf.select(columns)
        })
        .collect())
}
