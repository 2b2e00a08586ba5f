// `group_by_dynamic` as a Spark groupBy on each row's window start, computed exactly in integers
// of the index's time unit (Polars' truncation, `start_by`, labels and boundaries).
//!
//! With `period == every` (the default) and `closed="left"` every row is in exactly one window,
//! `[start, start + every)`, so a dynamic group-by is a plain group-by on `start`. Polars' start
//! of a row's window at time `t`, as polars-time computes it:
//! * `start_by="window"`: `t` truncated to `every` — `t - pmod(t - origin, every)`, the origin
//!   1970-01-01 (Monday 1970-01-05 when `every` is in weeks);
//! * `start_by="datapoint"`: windows from the group's first time: `t - pmod(t - first, every)`;
//! * `start_by="monday"`…`"sunday"`: windows from that weekday of the first time's week
//!   (`beginning_of_week(first) + weekday`), stepped back by `every` while it is after `first`,
//!   which is `t - pmod(t - s0, every)` again.
//!
//! Polars returns the groups sorted by their keys (nulls last), each group's windows in time
//! order; the script makes that the row order.

use polars::prelude::*;
use polars_plan::plans::expr_ir::ExprIR;
use polars_plan::prelude::Node;

use super::PlanTranslator;
use crate::spark::expressions::{column, epoch, Ctx, ORDER};
use crate::spark::literals::py_str;
use crate::spark::{Refuse, Translated};

const NS_DAY: i64 = 86_400_000_000_000;

/// The index column as an integer of its unit: days of a Date, the time unit of a Datetime.
struct IndexTime {
    /// Nanoseconds per unit.
    unit_ns: i64,
    /// `F.unix_date(x)` or `fe_epoch(x, unit, "datetime")`.
    to_int: String,
    dtype: DataType,
}

impl PlanTranslator<'_> {
    pub(super) fn dynamic_group_by(&mut self, node: Node, input: Node, keys: &[ExprIR], aggs: &[ExprIR], options: &DynamicGroupOptions) -> Translated<String> {
        let refuse = |why: &str, hint: &str| Refuse::new("group_by_dynamic", why.to_string(), hint.to_string());
        if !options.offset.is_zero() {
            return Err(refuse("with an `offset` is not translated by the export", "drop offset, or shift the time column first"));
        }
        if options.closed_window != ClosedWindow::Left {
            return Err(refuse("with closed other than \"left\" is not translated by the export", "use the default closed=\"left\""));
        }
        let every = options.every;
        if every.negative() || every.is_zero() {
            return Err(refuse("with a negative or zero `every`", "use a positive every"));
        }
        let input_var = self.frame(input)?;
        let in_schema = self.schema(input);
        let out_schema = self.schema(node);
        let index = options.index_column.as_str();
        let index_dtype = in_schema.get(index).cloned().ok_or_else(|| refuse("has an index column the export cannot find", "group by a column of the frame"))?;
        let time = index_time(&index_dtype, index).ok_or_else(|| refuse(&format!("by a {index_dtype} column is not translated by the export"), "group by a Date or a Datetime column without time zone"))?;

        let translator = self.exprs(in_schema.as_ref());
        let mut key_codes = Vec::new();
        let mut key_names = Vec::new();
        for k in keys {
            key_codes.push(format!("{}: {}", py_str(k.output_name()), translator.expr(k.node(), &Ctx::Inner)?));
            key_names.push(k.output_name().to_string());
        }
        let mut agg_codes = Vec::new();
        for a in aggs {
            if !super::scalar(translator.ex.get(a.node()), translator.ex) {
                return Err(Refuse::new("agg", format!("output `{}` is not an aggregation (it would be a list per group), which the export does not translate", a.output_name()), "aggregate it, e.g. `.first()`, `.sum()` or `.n_unique()`"));
            }
            let code = translator.expr(a.node(), &Ctx::Group)?;
            agg_codes.push(format!("{code}.alias({})", py_str(a.output_name())));
        }
        if !translator.pre.borrow().is_empty() {
            return Err(refuse("with a window expression inside `agg` is not translated by the export", "compute it in `with_columns` first"));
        }

        // The window start of each row, an integer of the index's unit.
        let t = time.to_int.clone();
        let mut windows = 1;
        let (start, window) = if every.months() != 0 {
            if options.period != every {
                return Err(refuse("by months with a `period` other than `every` is not translated by the export", "use period equal to every"));
            }
            if every.months() != 1 || every.weeks() != 0 || every.days() != 0 || every.nanoseconds() != 0 || options.start_by != StartBy::WindowBound {
                return Err(refuse("by months other than `every=\"1mo\"` (start_by=\"window\") is not translated by the export", "use every=\"1mo\", or a fixed every such as \"1w\" or \"1d\""));
            }
            (format!("(F.unix_date(F.trunc({}, \"month\")).cast(\"long\") * {})", column(index), NS_DAY / time.unit_ns), None)
        } else {
            if (every.weeks() != 0) as u8 + (every.days() != 0) as u8 + (every.nanoseconds() != 0) as u8 > 1 {
                return Err(refuse("with `every` mixing weeks, days and smaller units cannot be truncated (Polars refuses it too)", "use one unit, e.g. \"7d\" or \"36h\""));
            }
            let ns = every.weeks() * 7 * NS_DAY + every.days() * NS_DAY + every.nanoseconds();
            if ns % time.unit_ns != 0 {
                return Err(refuse("with `every` finer than the index's time unit is not translated by the export", "use a coarser every"));
            }
            let w = ns / time.unit_ns;
            // A `period` of n times `every`: each row is in n windows (see `windows`).
            let p = options.period;
            let period_ns = p.weeks() * 7 * NS_DAY + p.days() * NS_DAY + p.nanoseconds();
            if p.months() != 0 || p.negative() || period_ns % ns != 0 || period_ns == 0 {
                return Err(refuse("with a `period` that is not a whole multiple of `every` is not translated by the export", "use a period of n times every"));
            }
            windows = period_ns / ns;
            let day = NS_DAY / time.unit_ns;
            let first = format!("F.min({t}).over(Window.partitionBy({}))", keys.iter().map(|k| column(k.output_name())).collect::<Vec<_>>().join(", "));
            let origin = match options.start_by {
                StartBy::WindowBound => (if every.weeks() != 0 { 4 * day } else { 0 }).to_string(),
                StartBy::DataPoint => first,
                weekday => {
                    let wd = weekday.weekday().unwrap_or(0) as i64;
                    format!("(({first}) - F.pmod(({first}) - {}, F.lit({})) + {})", 4 * day, 7 * day, wd * day)
                }
            };
            (format!("({t} - F.pmod({t} - {origin}, F.lit({w})))"), Some(w))
        };
        let keyed = if key_codes.is_empty() { input_var } else { self.emit(format!("{input_var}.withColumns({{{}}})", key_codes.join(", "))) };
        let mut with_start = self.emit(format!("{keyed}.withColumn(\"_fe_w\", {start})"));
        if windows > 1 {
            // The row is also in the n - 1 windows that start `every` earlier each, from the
            // group's first window on (Polars starts at the first row's window).
            let w = window.unwrap_or(0);
            let partition = key_names.iter().map(|n| column(n)).collect::<Vec<_>>().join(", ");
            with_start = self.emit(format!(
                "{with_start}.withColumn(\"_fe_s0\", F.min(\"_fe_w\").over(Window.partitionBy({partition}))).withColumn(\"_fe_j\", F.explode(F.sequence(F.lit(0), F.lit({})))).withColumn(\"_fe_w\", F.col(\"_fe_w\") - F.col(\"_fe_j\") * {w}).filter(F.col(\"_fe_w\") >= F.col(\"_fe_s0\")).drop(\"_fe_s0\", \"_fe_j\")",
                windows - 1
            ));
        }
        let mut group_cols: Vec<String> = key_names.iter().map(|n| column(n)).collect();
        group_cols.push("F.col(\"_fe_w\")".into());
        let mut agg_all = agg_codes.clone();
        if options.label == Label::DataPoint {
            agg_all.push(format!("F.min({}).alias(\"_fe_label\")", column(index)));
        }
        agg_all.push(format!("F.min({ORDER}).alias(_FE_ORDER)"));
        let grouped = self.emit(format!("{with_start}.groupBy({}).agg({})", group_cols.join(", "), agg_all.join(", ")));

        // The output columns, in Polars' order.
        let day = NS_DAY / time.unit_ns;
        let end = match window {
            Some(w) => format!("(F.col(\"_fe_w\") + {})", w * windows),
            // The start of the next month (the start is midnight of a first day: whole days).
            None => format!("(F.unix_date(F.add_months(F.date_from_unix_date((F.col(\"_fe_w\") / {day}).cast(\"int\")), 1)).cast(\"long\") * {day})"),
        };
        let mut select = Vec::new();
        for (name, dtype) in out_schema.iter() {
            let code = if key_names.iter().any(|k| k == name.as_str()) {
                column(name)
            } else if name.as_str() == index {
                match options.label {
                    Label::Left => from_int(&time, "F.col(\"_fe_w\")", dtype)?,
                    Label::Right => from_int(&time, &end, dtype)?,
                    Label::DataPoint => "F.col(\"_fe_label\")".into(),
                }
            } else if options.include_boundaries && name.as_str() == "_lower_boundary" {
                from_int(&time, "F.col(\"_fe_w\")", &boundary_dtype(&time, dtype))?
            } else if options.include_boundaries && name.as_str() == "_upper_boundary" {
                from_int(&time, &end, &boundary_dtype(&time, dtype))?
            } else {
                column(name)
            };
            select.push(format!("{code}.alias({})", py_str(name)));
        }
        select.push(ORDER.into());
        let mut order: Vec<String> = key_names.iter().map(|n| format!("{}.asc_nulls_last()", column(n))).collect();
        order.push("F.col(\"_fe_w\")".into());
        let sorted = self.emit(format!("fe_reorder({grouped}, [{}])", order.join(", ")));
        Ok(self.emit(format!("{sorted}.select({})", select.join(", "))))
    }
}

fn index_time(dtype: &DataType, index: &str) -> Option<IndexTime> {
    match dtype {
        DataType::Date => Some(IndexTime { unit_ns: NS_DAY, to_int: format!("F.unix_date({})", column(index)), dtype: dtype.clone() }),
        DataType::Datetime(unit @ (TimeUnit::Microseconds | TimeUnit::Milliseconds), None) => {
            let unit_ns = if *unit == TimeUnit::Microseconds { 1_000 } else { 1_000_000 };
            Some(IndexTime { unit_ns, to_int: epoch(&column(index), dtype, *unit), dtype: dtype.clone() })
        }
        _ => None,
    }
}

/// The boundaries' type: polars-time computes a Date index in microseconds and returns the
/// boundaries as `Datetime("us")` (the plan's schema says Date; the frame, as Python Polars
/// shows it, holds Datetimes).
fn boundary_dtype(time: &IndexTime, planned: &DataType) -> DataType {
    match time.dtype {
        DataType::Date => DataType::Datetime(TimeUnit::Microseconds, None),
        _ => planned.clone(),
    }
}

fn unit_of(time: &IndexTime) -> &'static str {
    match time.dtype {
        DataType::Datetime(TimeUnit::Milliseconds, _) => "ms",
        _ => "us",
    }
}

/// An integer of the index's unit as a value of `dtype` (the index's own type, or the
/// boundaries' Datetime, which Polars gives a Date index too).
fn from_int(time: &IndexTime, n: &str, dtype: &DataType) -> Translated<String> {
    let refuse = || Refuse::new("group_by_dynamic", format!("gives a {dtype} column the export does not build"), "group by a Date or a Datetime column");
    match (&time.dtype, dtype) {
        (DataType::Date, DataType::Date) => Ok(format!("F.date_from_unix_date({n})")),
        (DataType::Date, DataType::Datetime(unit @ (TimeUnit::Microseconds | TimeUnit::Milliseconds), None)) => {
            let per_day = if *unit == TimeUnit::Microseconds { 86_400_000_000i64 } else { 86_400_000 };
            let unit = if *unit == TimeUnit::Microseconds { "us" } else { "ms" };
            Ok(format!("fe_from_epoch({n} * {per_day}, {})", py_str(unit)))
        }
        (DataType::Datetime(a, None), DataType::Datetime(b, None)) if a == b => Ok(format!("fe_from_epoch({n}, {})", py_str(unit_of(time)))),
        _ => Err(refuse()),
    }
}
