// Time series: `Expr.rolling(index_column=, period=)`, `pl.date_range` / `pl.datetime_range`
// (and their `*_ranges` list forms), `dt.combine`, business days, `group_by_dynamic` and
// `upsample`, with durations given as Polars strings ("7d", "1mo") or `datetime.timedelta`s.

use polars::prelude::*;

use super::args::Bound;
use super::conversions::{list_literal, StrAs};
use super::expr_methods::closed_window;
use super::failure::{Fail, Result};
use super::module_pl::time_unit;
use super::values::{Frame, GroupBy, Value};
use super::Interpreter;
use crate::diagnostics::Code;

const NANOS_PER_DAY: i64 = 86_400_000_000_000;

/// A duration argument: a Polars duration string, or a `timedelta` (a Duration scalar), as
/// Python's `parse_as_duration_string` reads them.
pub(crate) fn duration_arg(value: &Value, what: &str) -> Result<Duration> {
    let text = duration_text(value, what)?;
    Duration::try_parse(&text)
        .map_err(|e| Fail::value_error(format!("{what}: bad duration {text:?}: {e}")).hint("write durations like \"7d\", \"12h\", \"1mo\", \"30m\""))
}

/// The Polars duration string of a duration argument (spaces removed, lowercase).
fn duration_text(value: &Value, what: &str) -> Result<String> {
    match value {
        Value::Str(text) => Ok(text.replace(' ', "").to_lowercase()),
        Value::Scalar(scalar) => match scalar.value() {
            AnyValue::Duration(v, unit) => {
                let suffix = match unit {
                    TimeUnit::Nanoseconds => "ns",
                    TimeUnit::Microseconds => "us",
                    TimeUnit::Milliseconds => "ms",
                };
                Ok(format!("{v}{suffix}"))
            }
            _ => Err(Fail::type_error(format!("{what} must be a duration string or a timedelta"))),
        },
        other => Err(Fail::type_error(format!("{what} must be a duration string or a timedelta, not a {}", other.type_name()))),
    }
}

/// The negated duration string (Python's default `offset` of a rolling window is `-period`).
fn negated(text: &str) -> String {
    match text.strip_prefix('-') {
        Some(positive) => positive.to_string(),
        None => format!("-{text}"),
    }
}

/// A lower bound of a duration in nanoseconds (a calendar month counts as 28 days), for row
/// budgets: a range with this step has at most span / bound + 1 values.
pub(crate) fn shortest_nanoseconds(duration: &Duration) -> i64 {
    let months = duration.months().saturating_mul(28 * NANOS_PER_DAY);
    let weeks = duration.weeks().saturating_mul(7 * NANOS_PER_DAY);
    let days = duration.days().saturating_mul(NANOS_PER_DAY);
    months.saturating_add(weeks).saturating_add(days).saturating_add(duration.nanoseconds()).max(1)
}

/// `week_mask`: seven booleans, Monday first (default Monday to Friday).
fn week_mask(a: &Bound) -> Result<[bool; 7]> {
    let Some(value) = a.get("week_mask") else {
        return Ok([true, true, true, true, true, false, false]);
    };
    let items = value.sequence_items().ok_or_else(|| Fail::type_error("week_mask must be seven True/False values, Monday first"))?;
    let flags: Vec<bool> = items.iter().map(|v| match v {
        Value::Bool(b) => Ok(*b),
        _ => Err(Fail::type_error("week_mask must be seven True/False values, Monday first")),
    }).collect::<Result<_>>()?;
    flags.try_into().map_err(|_| Fail::value_error("week_mask must have exactly seven values, Monday first"))
}

/// `max`/`min` inside time windows as Python Polars 2.1 computes them: NaN is ignored unless a
/// window holds nothing else. Rust Polars 0.55 runs overlapping windows (`Expr.rolling`,
/// `group_by_dynamic` with `period > every`) through a sliding kernel in which one NaN makes
/// the whole window NaN.
pub(crate) fn nan_ignoring_extrema(e: Expr) -> Expr {
    e.map_expr(|node| match node {
        Expr::Agg(AggExpr::Max { input, propagate_nans: false }) => {
            let x = input.as_ref().clone();
            x.clone().fill_nan(lit(NULL)).max().fill_null(x.max())
        }
        Expr::Agg(AggExpr::Min { input, propagate_nans: false }) => {
            let x = input.as_ref().clone();
            x.clone().fill_nan(lit(NULL)).min().fill_null(x.min())
        }
        other => other,
    })
}

pub(crate) fn start_by(text: &str) -> Result<StartBy> {
    Ok(match text {
        "window" => StartBy::WindowBound,
        "datapoint" => StartBy::DataPoint,
        "monday" => StartBy::Monday,
        "tuesday" => StartBy::Tuesday,
        "wednesday" => StartBy::Wednesday,
        "thursday" => StartBy::Thursday,
        "friday" => StartBy::Friday,
        "saturday" => StartBy::Saturday,
        "sunday" => StartBy::Sunday,
        other => {
            return Err(Fail::value_error(format!("start_by must be 'window', 'datapoint' or a weekday ('monday' … 'sunday'), not {other:?}")))
        }
    })
}

impl Interpreter<'_, '_> {
    /// `expr.rolling(index_column, *, period, offset=None, closed="right")`.
    pub fn expr_rolling(&mut self, e: Expr, a: &Bound) -> Result<Expr> {
        let index = self.to_expr(a.required("index_column")?.clone(), StrAs::Column)?;
        let period_value = a.required("period")?.clone();
        let period = duration_arg(&period_value, "rolling(): period")?;
        let offset = match a.get("offset") {
            Some(v) => duration_arg(v, "rolling(): offset")?,
            None => duration_arg(&Value::str(negated(&duration_text(&period_value, "rolling(): period")?)), "rolling(): offset")?,
        };
        let closed = closed_window(&a.string("closed", "right")?)?;
        Ok(nan_ignoring_extrema(e).rolling(index, period, offset, closed))
    }

    /// `pl.date_range`, `pl.date_ranges`, `pl.datetime_range`, `pl.datetime_ranges` (the
    /// expression; `eager=True` is the caller's business).
    pub fn range_of_dates(&mut self, name: &str, a: &Bound) -> Result<Expr> {
        let start = self.to_expr(a.required("start")?.clone(), StrAs::Column)?;
        let end = self.to_expr(a.required("end")?.clone(), StrAs::Column)?;
        let interval_value = a.get("interval").cloned().unwrap_or_else(|| Value::str("1d"));
        let interval = duration_arg(&interval_value, &format!("{name}(): interval"))?;
        let closed = closed_window(&a.string("closed", "both")?)?;
        match name {
            "date_range" | "date_ranges" => {
                if !(interval.months() > 0 || interval.weeks() > 0 || interval.days() > 0) || interval.nanoseconds() != 0 {
                    return Err(Fail::value_error(format!("{name}(): the interval must be whole days, weeks, months or years"))
                        .hint("use pl.datetime_range for intervals shorter than a day"));
                }
                let f = if name == "date_range" { polars::lazy::dsl::date_range } else { polars::lazy::dsl::date_ranges };
                f(Some(start), Some(end), Some(interval), None, closed).map_err(Fail::from)
            }
            _ => {
                let interval_text = interval_value.as_str().map(str::to_lowercase).unwrap_or_default();
                let unit = match a.opt_string("time_unit")? {
                    Some(unit) => Some(time_unit(&unit)?),
                    None if interval_text.contains("ns") => Some(TimeUnit::Nanoseconds),
                    None => None,
                };
                let zone = match a.opt_string("time_zone")? {
                    Some(zone) => Some(super::module_pl::time_zone(&zone)?),
                    None => None,
                };
                let f = if name == "datetime_range" { polars::lazy::dsl::datetime_range } else { polars::lazy::dsl::datetime_ranges };
                f(Some(start), Some(end), Some(interval), None, closed, unit, zone).map_err(Fail::from)
            }
        }
    }

    /// `expr.ewm_mean_by(by, *, half_life)`: time-weighted exponential mean.
    pub fn ewm_mean_by(&mut self, e: Expr, a: &Bound) -> Result<Expr> {
        let by = self.to_expr(a.required("by")?.clone(), StrAs::Column)?;
        let half_life = duration_arg(a.required("half_life")?, "ewm_mean_by(): half_life")?;
        Ok(e.ewm_mean_by(by, half_life))
    }

    /// `date.dt.combine(time, time_unit="us")`: a datetime from a date and a time of day.
    pub fn combine_date_time(&mut self, e: Expr, a: &Bound) -> Result<Expr> {
        let time = self.to_expr(a.required("time")?.clone(), StrAs::Column)?;
        let unit = time_unit(&a.string("time_unit", "us")?)?;
        Ok(e.dt().combine(time, unit))
    }

    /// `dt.add_business_days(n, week_mask=, holidays=, roll=)` and `dt.is_business_day(...)`.
    pub fn business_days(&mut self, e: Expr, name: &str, a: &Bound) -> Result<Expr> {
        let mask = week_mask(a)?;
        let holidays = self.holidays(a)?;
        let d = e.dt();
        if name == "is_business_day" {
            return Ok(d.is_business_day(mask, holidays));
        }
        let n = self.to_expr(a.required("n")?.clone(), StrAs::Column)?;
        let roll = match a.choice("roll", "raise", &["raise", "forward", "backward"])?.as_str() {
            "forward" => Roll::Forward,
            "backward" => Roll::Backward,
            _ => Roll::Raise,
        };
        Ok(d.add_business_days(n, mask, holidays, roll))
    }

    /// `pl.business_day_count(start, end, week_mask=, holidays=)`.
    pub fn business_day_count(&mut self, a: &Bound) -> Result<Expr> {
        let start = self.to_expr(a.required("start")?.clone(), StrAs::Column)?;
        let end = self.to_expr(a.required("end")?.clone(), StrAs::Column)?;
        Ok(polars::lazy::dsl::business_day_count(start, end, week_mask(a)?, self.holidays(a)?))
    }

    /// Holidays as Python passes them: one List(Date) value (a list of dates, or an expression).
    fn holidays(&mut self, a: &Bound) -> Result<Expr> {
        let holidays_type = DataType::List(Box::new(DataType::Date));
        match a.get("holidays").cloned() {
            None => Ok(list_literal(&[])?.strict_cast(holidays_type)),
            Some(list @ (Value::List(_) | Value::Tuple(_))) => Ok(list_literal(&list.sequence_items().unwrap_or_default())?.strict_cast(holidays_type)),
            Some(other) => self.to_expr(other, StrAs::Column),
        }
    }

    /// `df.group_by_dynamic(index_column, *, every, period, offset, …, start_by)`.
    pub fn group_by_dynamic(&mut self, frame: Frame, a: &Bound) -> Result<Value> {
        let index = self.to_expr(a.required("index_column")?.clone(), StrAs::Column)?;
        let every = duration_arg(a.required("every")?, "group_by_dynamic(): every")?;
        let period = match a.get("period") {
            Some(p) => duration_arg(p, "group_by_dynamic(): period")?,
            None => every,
        };
        let offset = match a.get("offset") {
            Some(o) => duration_arg(o, "group_by_dynamic(): offset")?,
            None => Duration::parse("0ns"),
        };
        let label = match a.choice("label", "left", &["left", "right", "datapoint"])?.as_str() {
            "right" => Label::Right,
            "datapoint" => Label::DataPoint,
            _ => Label::Left,
        };
        let options = DynamicGroupOptions {
            every,
            period,
            offset,
            label,
            include_boundaries: a.bool("include_boundaries", false)?,
            closed_window: closed_window(&a.string("closed", "left")?)?,
            start_by: start_by(&a.string("start_by", "window")?)?,
            ..Default::default()
        };
        let keys = match a.get("group_by").cloned() {
            Some(v) => self.exprs_from(vec![v], StrAs::Column)?,
            None => Vec::new(),
        };
        Ok(Value::GroupBy(Box::new(GroupBy { frame, keys, dynamic: Some((index, options)), rolling: None })))
    }

    /// `df.rolling(index_column, *, period, offset=None, closed="right", group_by=None)`: a
    /// window of `period` ending at each row's time (offset defaults to -period, as in Python).
    pub fn frame_rolling(&mut self, frame: Frame, a: &Bound) -> Result<Value> {
        let index_name = match a.required("index_column")? {
            Value::Str(s) => s.to_string(),
            other => return Err(Fail::type_error(format!("rolling(): `index_column` must be a column name, not {}", other.type_name()))),
        };
        let index = self.column(&index_name);
        let period_value = a.required("period")?.clone();
        let period = duration_arg(&period_value, "rolling(): period")?;
        let offset = match a.get("offset") {
            Some(v) => duration_arg(v, "rolling(): offset")?,
            None => duration_arg(&Value::str(negated(&duration_text(&period_value, "rolling(): period")?)), "rolling(): offset")?,
        };
        let options = RollingGroupOptions { index_column: index_name.into(), period, offset, closed_window: closed_window(&a.string("closed", "right")?)? };
        let keys = match a.get("group_by").cloned() {
            Some(v) => self.exprs_from(vec![v], StrAs::Column)?,
            None => Vec::new(),
        };
        Ok(Value::GroupBy(Box::new(GroupBy { frame, keys, dynamic: None, rolling: Some((index, options)) })))
    }

    /// `df.upsample(time_column, *, every, group_by=None, maintain_order=False)`: the frame gets a
    /// row for every step of `every` between the first and last time (per group), nulls where
    /// it had none. Groups come out in first-seen order (one of the orders Python may give).
    /// The rows are counted against the row budget before it runs.
    pub fn upsample(&mut self, frame: Frame, a: &Bound) -> Result<Value> {
        let time_column = a.string("time_column", "")?;
        let every = duration_arg(a.required("every")?, "upsample(): every")?;
        let by = match a.get("group_by").cloned() {
            Some(v) => self.names_from(vec![v])?,
            None => Vec::new(),
        };
        a.bool("maintain_order", false)?;
        let rows = self.upsampled_rows(&frame.lf, &time_column, &by, &every)?;
        self.check_rows(rows, "upsample")?;
        let step = |lf: LazyFrame| -> Result<LazyFrame> {
            let df = self.collect(lf)?;
            let out = df.upsample_stable(by.clone(), &time_column, every).map_err(Fail::from)?;
            Ok(out.lazy())
        };
        let lf = step(frame.lf.clone())?;
        let fit = match &frame.fit {
            Some(fit) => Some(step(fit.clone())?),
            None => None,
        };
        let mut lf = lf;
        self.resolve(&mut lf)?;
        Ok(Value::Frame(self.new_sided_frame(lf, fit)))
    }

    /// An upper bound of the rows `upsample` makes: per group, the time span over the step.
    fn upsampled_rows(&mut self, lf: &LazyFrame, time_column: &str, by: &[String], every: &Duration) -> Result<u64> {
        let schema = self.schema_of(lf)?;
        let Some(dtype) = schema.get(time_column) else {
            return Err(Fail::new(Code::PolarsError, format!("upsample(): no column `{time_column}`")));
        };
        let as_nanos = match dtype {
            DataType::Date => col(time_column).cast(DataType::Int64) * lit(NANOS_PER_DAY),
            DataType::Datetime(..) => col(time_column).cast(DataType::Datetime(TimeUnit::Nanoseconds, None)).cast(DataType::Int64),
            other => return Err(Fail::type_error(format!("upsample(): `{time_column}` must be a Date or Datetime column, not {other}"))),
        };
        let span = (as_nanos.clone().max() - as_nanos.min()).cast(DataType::Float64);
        let per_group = (span / lit(shortest_nanoseconds(every) as f64)).floor() + lit(1.0);
        let keys: Vec<Expr> = by.iter().map(|k| col(k.as_str())).collect();
        let totals = if keys.is_empty() {
            lf.clone().select([per_group.alias("rows")])
        } else {
            lf.clone().group_by(keys).agg([per_group.alias("rows")]).select([col("rows").sum()])
        };
        let Some(counted) = self.budget_collect(totals)? else { return Ok(0) };
        let rows = counted.column("rows").map_err(Fail::from)?.get(0).map_err(Fail::from)?.extract::<f64>().unwrap_or(0.0);
        Ok(if rows.is_finite() { rows.max(0.0).min(u64::MAX as f64) as u64 } else { 0 })
    }
}
