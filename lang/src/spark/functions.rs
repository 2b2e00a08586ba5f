// Polars functions (math, null handling, str/dt/list namespaces, windows: shift, diff, cum_*,
// rank, rolling, cut/qcut) as PySpark columns; anything not matched here is refused.

use polars::prelude::*;
use polars_plan::plans::expr_ir::ExprIR;
use polars_plan::plans::{
    IRBooleanFunction, IRFunctionExpr, IRListFunction, IRPowFunction, IRRollingFunction, IRRollingFunctionBy, IRStringFunction,
    IRTemporalFunction, IRTrigonometricFunction,
};
use polars_plan::prelude::Node;

use super::expressions::{epoch, Ctx, ExprTranslator, Win, ORDER};
use super::literals::{py_float, py_str, python_value, spark_literal, spark_type_name};
use super::{Refuse, Translated};

impl ExprTranslator<'_> {
    pub(crate) fn function(&self, node: Node, input: &[ExprIR], function: &IRFunctionExpr, ctx: &Ctx) -> Translated<String> {
        use IRFunctionExpr as Fx;
        let arg = |i: usize| -> Translated<String> { self.expr(input[i].node(), ctx) };
        let node_of = |i: usize| input[i].node();
        let out = self.dtype(node)?;
        Ok(match function {
            Fx::Boolean(b) => return self.boolean(node, input, b, ctx),
            Fx::StringExpr(s) => return self.string(input, s, ctx),
            Fx::TemporalExpr(t) => return self.temporal(input, t, ctx),
            Fx::ListExpr(l) => return self.list(input, l, ctx),
            Fx::Abs => format!("F.abs({})", arg(0)?),
            Fx::Negate => format!("(-{})", arg(0)?),
            Fx::Sign => format!("F.signum({}).cast({})", arg(0)?, py_str(&spark_name(&out)?)),
            Fx::FillNull => format!("F.coalesce({}, {})", arg(0)?, arg(1)?),
            Fx::FillNullWithStrategy(strategy) => return self.fill_strategy(node_of(0), *strategy, ctx),
            Fx::Coalesce => {
                let parts: Translated<Vec<String>> = (0..input.len()).map(arg).collect();
                format!("F.coalesce({})", parts?.join(", "))
            }
            Fx::Pow(IRPowFunction::Sqrt) => format!("F.sqrt({})", arg(0)?),
            Fx::Pow(IRPowFunction::Cbrt) => format!("F.cbrt({})", arg(0)?),
            Fx::Pow(IRPowFunction::Generic) => {
                let power = format!("F.pow({}, {})", arg(0)?, arg(1)?);
                if out.is_float() { power } else { format!("{power}.cast({})", py_str(&spark_name(&out)?)) }
            }
            Fx::Log => {
                let base = self.literal_value(node_of(1)).and_then(|v| v.extract::<f64>()).ok_or_else(|| Refuse::new("log", "needs a constant base for Spark", "write the base as a number"))?;
                format!("fe_log({}, {})", arg(0)?, py_float(base))
            }
            Fx::Log1p => format!("fe_log1p({})", arg(0)?),
            Fx::Exp => format!("F.exp({})", arg(0)?),
            Fx::Trigonometry(t) => format!("F.{}({})", trigonometry(*t), arg(0)?),
            Fx::Atan2 => format!("F.atan2({}, {})", arg(0)?, arg(1)?),
            Fx::Round { decimals, mode } => {
                if !out.is_float() {
                    arg(0)?
                } else {
                    let function = match mode {
                        RoundMode::HalfToEven => "bround",
                        RoundMode::HalfAwayFromZero => "round",
                        RoundMode::ToZero => return Err(Refuse::new("round", "with mode=\"to_zero\" is not translated by the export", "use the default mode (half to even)")),
                    };
                    format!("F.{function}({}, {decimals})", arg(0)?)
                }
            }
            Fx::Floor => if out.is_float() { format!("fe_floor({})", arg(0)?) } else { arg(0)? },
            Fx::Ceil => if out.is_float() { format!("fe_ceil({})", arg(0)?) } else { arg(0)? },
            Fx::Clip { has_min, has_max } => {
                let x = arg(0)?;
                let mut code = if self.dtype(node_of(0))?.is_float() { format!("F.when(F.isnan({x}), {x})") } else { format!("F.when({x}.isNull(), {x})") };
                let mut next = 1;
                if *has_min {
                    let lo = arg(next)?;
                    next += 1;
                    code = format!("{code}.when({x} < {lo}, {lo})");
                }
                if *has_max {
                    let hi = arg(next)?;
                    code = format!("{code}.when({x} > {hi}, {hi})");
                }
                format!("{code}.otherwise({x})")
            }
            Fx::Shift | Fx::ShiftAndFill => {
                let win = self.rows(ctx, "shift")?;
                let n = self.literal_i64(node_of(1), "shift")?;
                let x = self.window_input(node_of(0), &win)?;
                let fill = if matches!(function, Fx::ShiftAndFill) {
                    let value = self.literal_value(node_of(2)).ok_or_else(|| Refuse::new("shift", "needs a constant `fill_value` for Spark", "write the fill value in the code"))?;
                    format!(", {}", python_value(&value)?)
                } else {
                    String::new()
                };
                match n {
                    0 => x,
                    n if n > 0 => format!("F.lag({x}, {n}{fill}).over({})", win.ordered()),
                    n => format!("F.lead({x}, {}{fill}).over({})", -n, win.ordered()),
                }
            }
            Fx::Diff(_) => {
                let win = self.rows(ctx, "diff")?;
                let n = self.literal_i64(node_of(1), "diff")?;
                let dtype = self.dtype(node_of(0))?;
                let mut x = self.window_input(node_of(0), &win)?;
                if let DataType::Duration(unit) = out {
                    if matches!(dtype, DataType::Date | DataType::Datetime(..)) {
                        x = self.materialize(epoch(&x, &dtype, unit));
                    }
                }
                if n <= 0 {
                    return Err(Refuse::new("diff", "with n <= 0 has no Spark translation in the export", "use a positive n"));
                }
                format!("({x} - F.lag({x}, {n}).over({}))", win.ordered())
            }
            Fx::PctChange => {
                let win = self.rows(ctx, "pct_change")?;
                let n = self.literal_i64(node_of(1), "pct_change")?;
                let x = self.window_input(node_of(0), &win)?;
                format!("(fe_div({x}, F.lag({x}, {n}).over({})) - 1)", win.ordered())
            }
            Fx::CumSum { reverse } | Fx::CumMin { reverse } | Fx::CumMax { reverse } | Fx::CumProd { reverse } | Fx::CumCount { reverse } => {
                let name = match function {
                    Fx::CumSum { .. } => "cum_sum",
                    Fx::CumMin { .. } => "cum_min",
                    Fx::CumMax { .. } => "cum_max",
                    Fx::CumProd { .. } => "cum_prod",
                    _ => "cum_count",
                };
                let win = self.rows(ctx, name)?;
                let x = self.window_input(node_of(0), &win)?;
                let frame = if *reverse {
                    win.ordered_rows("Window.currentRow", "Window.unboundedFollowing")
                } else {
                    win.ordered_rows("Window.unboundedPreceding", "Window.currentRow")
                };
                let dtype = self.dtype(node_of(0))?;
                let x_num = if dtype.is_bool() { format!("{x}.cast(\"int\")") } else { x.clone() };
                match function {
                    Fx::CumCount { .. } => format!("F.count({x}).over({frame})"),
                    Fx::CumSum { .. } => format!("F.when({x}.isNotNull(), F.sum({x_num}).over({frame}))"),
                    Fx::CumMin { .. } => format!("F.when({x}.isNotNull(), F.min({x}).over({frame}))"),
                    // Polars' cum_max skips NaN (Spark: NaN is the largest value).
                    Fx::CumMax { .. } if dtype.is_float() => format!("F.when({x}.isNotNull(), F.coalesce(F.max(F.when(~F.isnan({x}), {x})).over({frame}), {x}))"),
                    Fx::CumMax { .. } => format!("F.when({x}.isNotNull(), F.max({x}).over({frame}))"),
                    _ => format!("F.when({x}.isNotNull(), F.product({x_num}).over({frame}))"),
                }
            }
            Fx::Rank { options, .. } => {
                let win = self.rows(ctx, "rank")?;
                let method = match options.method {
                    RankMethod::Average => "average",
                    RankMethod::Min => "min",
                    RankMethod::Max => "max",
                    RankMethod::Dense => "dense",
                    RankMethod::Ordinal => "ordinal",
                    #[allow(unreachable_patterns)]
                    _ => return Err(Refuse::new("rank", "with method=\"random\" differs run to run", "use \"ordinal\", \"average\", \"min\", \"max\" or \"dense\"")),
                };
                let x = self.window_input(node_of(0), &win)?;
                let descending = if options.descending { "True" } else { "False" };
                format!("fe_rank({x}, {}, {descending}, [{}])", py_str(method), win.partition.join(", "))
            }
            Fx::Quantile { method } => {
                let q = self.literal_value(node_of(1)).and_then(|v| v.extract::<f64>()).ok_or_else(|| Refuse::new("quantile", "needs a constant quantile for Spark", "write the quantile as a number"))?;
                let method = quantile_method(*method, "quantile")?;
                let window = self.aggregate_window(ctx, "quantile")?;
                let x = self.expr(node_of(0), &Ctx::Inner)?;
                format!("fe_quantile({x}, {}, {}, {window})", py_float(q), py_str(method))
            }
            Fx::NullCount => {
                let window = self.aggregate_over(ctx, "null_count")?;
                format!("F.sum(F.when({}.isNull(), 1).otherwise(0)){window}", self.expr(node_of(0), &Ctx::Inner)?)
            }
            Fx::Product => {
                let window = self.aggregate_over(ctx, "product")?;
                format!("F.coalesce(F.product({}){window}, F.lit(1))", self.expr(node_of(0), &Ctx::Inner)?)
            }
            Fx::Skew(true) => format!("F.skewness({}){}", self.expr(node_of(0), &Ctx::Inner)?, self.aggregate_over(ctx, "skew")?),
            Fx::Kurtosis(true, true) => format!("F.kurtosis({}){}", self.expr(node_of(0), &Ctx::Inner)?, self.aggregate_over(ctx, "kurtosis")?),
            Fx::MaxHorizontal | Fx::MinHorizontal => {
                let parts: Translated<Vec<String>> = (0..input.len()).map(arg).collect();
                let function = if matches!(function, Fx::MaxHorizontal) { "greatest" } else { "least" };
                if input.len() == 1 { parts?.remove(0) } else { format!("F.{function}({})", parts?.join(", ")) }
            }
            Fx::SumHorizontal { ignore_nulls } | Fx::MeanHorizontal { ignore_nulls } => {
                let mut parts = Vec::new();
                for i in 0..input.len() {
                    let x = arg(i)?;
                    parts.push(if self.dtype(node_of(i))?.is_bool() { format!("{x}.cast(\"int\")") } else { x });
                }
                let sum = if *ignore_nulls {
                    parts.iter().map(|p| format!("F.coalesce({p}, F.lit(0))")).collect::<Vec<_>>().join(" + ")
                } else {
                    parts.join(" + ")
                };
                if matches!(function, Fx::SumHorizontal { .. }) {
                    format!("({sum})")
                } else if *ignore_nulls {
                    let count = parts.iter().map(|p| format!("F.when({p}.isNotNull(), 1).otherwise(0)")).collect::<Vec<_>>().join(" + ");
                    format!("fe_div(({sum}), F.when(({count}) > 0, ({count})))")
                } else {
                    format!("(({sum}) / {})", parts.len())
                }
            }
            Fx::RollingExpr { function, options } => {
                let win = self.rows(ctx, "rolling")?;
                if options.weights.is_some() {
                    return Err(Refuse::new(rolling_name(function), "with weights has no Spark window", "drop `weights`"));
                }
                let w = options.window_size as i64;
                let (start, end) = if options.center {
                    if w % 2 == 0 {
                        return Err(Refuse::new(rolling_name(function), "with center=True and an even window has no faithful Spark frame in the export", "use an odd window size"));
                    }
                    (-(w / 2), w / 2)
                } else {
                    (-(w - 1), 0)
                };
                let frame = win.ordered_rows(&start.to_string(), &end.to_string());
                let x = self.window_input(node_of(0), &win)?;
                if let (IRRollingFunction::Quantile, Some(RollingFnParams::Quantile(params))) = (function, options.fn_params.as_ref()) {
                    // rolling_quantile / rolling_median: the quantile of the window's non-null values.
                    let method = quantile_method(params.method, "rolling_quantile")?;
                    let x = if self.dtype(node_of(0))?.is_bool() { format!("{x}.cast(\"int\")") } else { x };
                    return Ok(format!("F.when(F.count({x}).over({frame}) >= {}, fe_quantile({x}, {}, {}, {frame}))", options.min_periods, py_float(params.prob), py_str(method)));
                }
                let agg = rolling_aggregate(function, options.fn_params.as_ref())?;
                let rolled = format!("fe_rolling({agg}, {x}, {frame}, {})", options.min_periods);
                if self.dtype(node_of(0))?.is_float() && matches!(function, IRRollingFunction::Min | IRRollingFunction::Max) {
                    // Polars' rolling min/max is NaN when the window holds a NaN.
                    format!("F.when(F.max(F.isnan({x}).cast(\"int\")).over({frame}) == 1, F.lit(float(\"nan\"))).otherwise({rolled})")
                } else {
                    rolled
                }
            }
            Fx::RollingExprBy { function_by, options } => {
                let win = self.rows(ctx, "rolling_by")?;
                let by_dtype = self.dtype(node_of(1))?;
                let unit = match by_dtype {
                    DataType::Datetime(unit, None) => unit,
                    DataType::Date => TimeUnit::Milliseconds,
                    _ => return Err(Refuse::new(rolling_by_name(function_by), format!("by a {by_dtype} column has no Spark range frame in the export"), "roll by a Datetime or Date column")),
                };
                let size = &options.window_size;
                if size.months() != 0 || size.negative() {
                    return Err(Refuse::new(rolling_by_name(function_by), "with a window in months or years has no fixed-length Spark range frame", "use a window in days, hours, minutes or seconds"));
                }
                let ns = size.weeks() * 7 * 86_400_000_000_000 + size.days() * 86_400_000_000_000 + size.nanoseconds();
                let per_unit = match unit {
                    TimeUnit::Nanoseconds => 1,
                    TimeUnit::Microseconds => 1_000,
                    TimeUnit::Milliseconds => 1_000_000,
                };
                if ns % per_unit != 0 {
                    return Err(Refuse::new(rolling_by_name(function_by), "with a window finer than the column's time unit has no Spark range frame", "use a coarser window"));
                }
                let w = ns / per_unit;
                let (lo, hi) = match options.closed_window {
                    ClosedWindow::Right => (-(w - 1), 0),
                    ClosedWindow::Both => (-w, 0),
                    ClosedWindow::Left => (-w, -1),
                    ClosedWindow::None => (-(w - 1), -1),
                };
                let by = self.expr(node_of(1), &Ctx::Inner)?;
                let key = self.materialize(epoch(&by, &by_dtype, unit));
                let frame = format!("Window.partitionBy({}).orderBy({key}).rangeBetween({lo}, {hi})", win.partition.join(", "));
                let x = self.window_input(node_of(0), &win)?;
                let agg = rolling_by_aggregate(function_by, options.fn_params.as_ref())?;
                let rolled = format!("fe_rolling({agg}, {x}, {frame}, {})", options.min_periods);
                if self.dtype(node_of(0))?.is_float() && matches!(function_by, IRRollingFunctionBy::MinBy | IRRollingFunctionBy::MaxBy) {
                    format!("F.when(F.max(F.isnan({x}).cast(\"int\")).over({frame}) == 1, F.lit(float(\"nan\"))).otherwise({rolled})")
                } else {
                    rolled
                }
            }
            Fx::Cut { breaks, labels, left_closed, include_breaks } => {
                if *include_breaks {
                    return Err(Refuse::new("cut", "with include_breaks=True makes a struct column, which the export does not translate", "drop include_breaks"));
                }
                let x = arg(0)?;
                let labels = cut_labels(breaks, labels.as_deref(), *left_closed);
                let op = if *left_closed { "<" } else { "<=" };
                let mut code = format!("F.when({x}.isNull(), F.lit(None))");
                for (b, label) in breaks.iter().zip(&labels) {
                    code = format!("{code}.when({x} {op} {}, F.lit({}))", py_float(*b), py_str(label));
                }
                format!("{code}.otherwise(F.lit({}))", py_str(labels.last().expect("cut has one label more than breaks")))
            }
            Fx::QCut { probs, labels, left_closed, include_breaks, .. } => {
                let Some(labels) = labels else {
                    return Err(Refuse::new("qcut", "without `labels` names its bins by break values computed from the data, printed as Polars prints floats", "give `labels=[...]`"));
                };
                if *include_breaks {
                    return Err(Refuse::new("qcut", "with include_breaks=True makes a struct column, which the export does not translate", "drop include_breaks"));
                }
                let window = self.aggregate_over(ctx, "qcut")?;
                let x = self.expr(node_of(0), &Ctx::Inner)?;
                let quantiles = probs.iter().map(|p| py_float(*p)).collect::<Vec<_>>().join(", ");
                let breaks = format!("F.percentile({x}, [{quantiles}]){window}");
                let op = if *left_closed { "<" } else { "<=" };
                let mut code = format!("F.when({x}.isNull(), F.lit(None))");
                for (i, label) in labels.iter().enumerate().take(probs.len()) {
                    code = format!("{code}.when({x} {op} {breaks}[{i}], F.lit({}))", py_str(label));
                }
                format!("{code}.otherwise(F.lit({}))", py_str(labels.last().map(|l| l.as_str()).unwrap_or("")))
            }
            Fx::Range(polars_plan::plans::IRRangeFunction::IntRange { step: 1, dtype }) if self.row_numbers(node_of(0), node_of(1)).is_some() => {
                // `pl.int_range(s, pl.len() + s)`: row numbers from `s` (per `over` group).
                let start = self.row_numbers(node_of(0), node_of(1)).unwrap_or(0);
                let win = self.rows(ctx, "int_range")?;
                let shift = match start - 1 {
                    0 => String::new(),
                    k if k > 0 => format!(" + {k}"),
                    k => format!(" - {}", -k),
                };
                format!("(F.row_number().over({}){shift}).cast({})", win.ordered(), py_str(&spark_name(dtype)?))
            }
            Fx::Range(_) => return Err(Refuse::new("int_range", "other than `pl.int_range(s, pl.len() + s)` (row numbers) has no Spark column in the export", "number rows with `pl.int_range(pl.len())`")),
            Fx::Replace | Fx::ReplaceStrict { .. } => {
                let strict = matches!(function, Fx::ReplaceStrict { .. });
                let name = if strict { "replace_strict" } else { "replace" };
                let x = arg(0)?;
                let dtype = self.dtype(node_of(0))?;
                let old = self.literal_list(node_of(1)).map_err(|_| Refuse::new(name, "needs constant old values for Spark", "write the mapping in the code"))?;
                let new = self.literal_list(node_of(2)).map_err(|_| Refuse::new(name, "needs constant new values for Spark", "write the mapping in the code"))?;
                if old.iter().any(|v| v.is_null()) || (new.len() != old.len() && new.len() != 1) {
                    return Err(Refuse::new(name, "with a null key (or lists of other lengths) is not translated by the export", "map non-null values"));
                }
                let out_name = spark_name(&out)?;
                // Nulls stay null, except that `replace_strict(..., default=)` maps them to the default.
                let with_default = strict && input.len() > 3;
                let mut code = if with_default {
                    "F".to_string()
                } else {
                    format!("F.when({x}.isNull(), F.lit(None).cast({}))", py_str(&out_name))
                };
                for (i, o) in old.iter().enumerate() {
                    let n = if new.len() == 1 { &new[0] } else { &new[i] };
                    code = format!("{code}.when({x} == {}, {}.cast({}))", spark_literal(o, &dtype)?, spark_literal(n, &out)?, py_str(&out_name));
                }
                if code == "F" {
                    return Err(Refuse::new(name, "with an empty mapping is not translated by the export", "map at least one value"));
                }
                let fallback = if strict {
                    if input.len() > 3 {
                        format!("{}.cast({})", arg(3)?, py_str(&out_name))
                    } else {
                        format!("F.raise_error(F.lit(\"replace_strict: a value has no replacement\")).cast({})", py_str(&out_name))
                    }
                } else {
                    format!("{x}.cast({})", py_str(&out_name))
                };
                format!("{code}.otherwise({fallback})")
            }
            Fx::Reverse => {
                // The value at the mirrored position of the row's partition (nulls kept: a
                // struct per value, as collect_list skips nulls).
                let win = self.rows(ctx, "reverse")?;
                if win.ordered_by_user {
                    return Err(Refuse::new("reverse", "inside `over(..., order_by=...)` has no Spark translation in the export", "sort the frame first"));
                }
                let x = self.window_input(node_of(0), &win)?;
                let values = format!("F.collect_list(F.struct({x}.alias(\"v\"))).over({})", win.ordered_rows("Window.unboundedPreceding", "Window.unboundedFollowing"));
                let position = format!("F.count(F.lit(1)).over({}) + 1 - F.row_number().over({})", win.unordered(), win.ordered());
                format!("F.element_at({values}, ({position}).cast(\"int\")).getField(\"v\")")
            }
            Fx::Interpolate(method) => {
                let win = self.rows(ctx, "interpolate")?;
                let dtype = self.dtype(node_of(0))?;
                if !dtype.is_primitive_numeric() {
                    return Err(Refuse::new("interpolate", format!("of a {dtype} column is not translated by the export"), "interpolate a numeric column"));
                }
                let x = self.window_input(node_of(0), &win)?;
                let value = if matches!(method, InterpolationMethod::Linear) { format!("{x}.cast(\"double\")") } else { x.clone() };
                let position = self.materialize(format!("F.row_number().over({})", win.ordered()));
                let before = win.ordered_rows("Window.unboundedPreceding", "Window.currentRow");
                let after = win.ordered_rows("Window.currentRow", "Window.unboundedFollowing");
                let lo = format!("F.last({value}, ignorenulls=True).over({before})");
                let hi = format!("F.first({value}, ignorenulls=True).over({after})");
                let at_lo = format!("F.last(F.when({x}.isNotNull(), {position}), ignorenulls=True).over({before})");
                let at_hi = format!("F.first(F.when({x}.isNotNull(), {position}), ignorenulls=True).over({after})");
                // Polars: low + step * ((high - low) / steps), inside gaps only (not at the ends).
                let filled = match method {
                    InterpolationMethod::Linear => format!("{lo} + ({position} - {at_lo}) * (({hi} - {lo}) / ({at_hi} - {at_lo}))"),
                    // `nearest`: the first ceil(steps / 2) - 1 steps take the low value.
                    InterpolationMethod::Nearest => format!("F.when(({position} - {at_lo}) < F.ceil(({at_hi} - {at_lo}) / 2), {lo}).otherwise({hi})"),
                };
                format!("F.when({x}.isNotNull(), {value}).when({lo}.isNotNull() & {hi}.isNotNull(), {filled})")
            }
            Fx::AsStruct => {
                let mut fields = Vec::new();
                for (i, e) in input.iter().enumerate() {
                    fields.push(format!("{}.alias({})", arg(i)?, py_str(e.output_name())));
                }
                format!("F.struct({})", fields.join(", "))
            }
            Fx::StructExpr(polars_plan::plans::IRStructFunction::FieldByName(name)) => format!("{}.getField({})", arg(0)?, py_str(name)),
            Fx::StructExpr(polars_plan::plans::IRStructFunction::RenameFields(names)) => {
                let DataType::Struct(fields) = self.dtype(node_of(0))? else {
                    return Err(Refuse::new("struct.rename_fields", "of a column that is not a struct", "rename the fields of a struct"));
                };
                let x = arg(0)?;
                let renamed: Vec<String> = fields.iter().zip(names.iter()).map(|(f, n)| format!("{x}.getField({}).alias({})", py_str(f.name()), py_str(n))).collect();
                format!("F.struct({})", renamed.join(", "))
            }
            Fx::SetSortedFlag(_) | Fx::Rechunk => arg(0)?,
            Fx::EwmMean { options } => {
                // The recursion itself, folded over the values so far (fe_ewm_mean).
                let win = self.rows(ctx, "ewm_mean")?;
                let computed = self.ewm_computed_type(node_of(0), "ewm_mean")?;
                let x = self.window_input(node_of(0), &win)?;
                let flag = |b: bool| if b { "True" } else { "False" };
                format!(
                    "fe_ewm_mean({x}, {}, {}, {}, {}, {}, {})",
                    py_float(options.alpha),
                    flag(options.adjust),
                    options.min_periods,
                    flag(options.ignore_nulls),
                    win.ordered(),
                    py_str(computed)
                )
            }
            Fx::EwmStd { options } | Fx::EwmVar { options } => {
                let std = matches!(function, Fx::EwmStd { .. });
                let name = if std { "ewm_std" } else { "ewm_var" };
                let win = self.rows(ctx, name)?;
                let computed = self.ewm_computed_type(node_of(0), name)?;
                let x = self.window_input(node_of(0), &win)?;
                let flag = |b: bool| if b { "True" } else { "False" };
                format!(
                    "fe_ewm_var({x}, {}, {}, {}, {}, {}, {}, {}, std={})",
                    py_float(options.alpha),
                    flag(options.adjust),
                    flag(options.bias),
                    options.min_periods,
                    flag(options.ignore_nulls),
                    win.ordered(),
                    py_str(computed),
                    flag(std)
                )
            }
            Fx::EwmMeanBy { half_life } => {
                let win = self.rows(ctx, "ewm_mean_by")?;
                let (key, unit) = self.time_key(node_of(1), &win, "ewm_mean_by")?;
                if self.dtype(node_of(0))? != DataType::Float64 {
                    return Err(Refuse::new("ewm_mean_by", "of a column other than Float64 is not translated by the export (Polars computes Float32 powers in single precision)", "cast the column to pl.Float64 first"));
                }
                if half_life.months() != 0 || half_life.negative() {
                    return Err(Refuse::new("ewm_mean_by", "with a half_life in months has no fixed length", "use days, hours or minutes"));
                }
                let ns = half_life.weeks() * 7 * 86_400_000_000_000 + half_life.days() * 86_400_000_000_000 + half_life.nanoseconds();
                // polars-ops divides the half-life down to the column's unit (integer division).
                let hl = match unit {
                    TimeUnit::Nanoseconds => ns,
                    TimeUnit::Microseconds => ns / 1_000,
                    TimeUnit::Milliseconds => ns / 1_000_000,
                };
                let x = self.window_input(node_of(0), &win)?;
                let by_time = format!("Window.partitionBy({}).orderBy({key}.asc_nulls_first(), {ORDER})", win.partition.join(", "));
                self.tie_guard(&key, &win, "ewm_mean_by", format!("fe_ewm_mean_by({x}, {key}, {hl}, {by_time})"))
            }
            Fx::InterpolateBy => {
                let win = self.rows(ctx, "interpolate_by")?;
                let (key, _) = self.time_key(node_of(1), &win, "interpolate_by")?;
                let dtype = self.dtype(node_of(0))?;
                if !dtype.is_primitive_numeric() {
                    return Err(Refuse::new("interpolate_by", format!("of a {dtype} column is not translated by the export"), "interpolate a numeric column"));
                }
                // polars-ops: y0 + (x - x0) * ((y1 - y0) / (x1 - x0)), in the value's float type.
                let float = if dtype == DataType::Float32 { "float" } else { "double" };
                let t = |c: String| format!("({c}).cast({})", py_str(float));
                let x = self.window_input(node_of(0), &win)?;
                let y = t(x.clone());
                let by_time = format!("Window.partitionBy({}).orderBy({key}.asc_nulls_first(), {ORDER})", win.partition.join(", "));
                let before = format!("{by_time}.rowsBetween(Window.unboundedPreceding, Window.currentRow)");
                let after = format!("{by_time}.rowsBetween(Window.currentRow, Window.unboundedFollowing)");
                let lo = format!("F.last({y}, ignorenulls=True).over({before})");
                let hi = format!("F.first({y}, ignorenulls=True).over({after})");
                let at_lo = format!("F.last(F.when({x}.isNotNull(), {key}), ignorenulls=True).over({before})");
                let at_hi = format!("F.first(F.when({x}.isNotNull(), {key}), ignorenulls=True).over({after})");
                // A tie in `by` divides by zero: inf or NaN as Polars' float division gives.
                // A time difference as the value's type; for Float32 `+ 0` keeps Spark's optimizer
                // from folding cast(cast(long as float) as double) into one cast (no rounding).
                let time_delta = |c: String| if float == "float" { format!("({} + F.lit(0.0).cast(\"float\"))", t(c)) } else { t(c) };
                let slope = t(format!("fe_div({}, {})", t(format!("{hi} - {lo}")), time_delta(format!("{at_hi} - {at_lo}"))));
                let filled = t(format!("{lo} + {}", t(format!("{} * {slope}", time_delta(format!("{key} - {at_lo}"))))));
                self.tie_guard(&key, &win, "interpolate_by", format!("F.when({x}.isNotNull(), {y}).when({lo}.isNotNull() & {hi}.isNotNull(), {filled})"))
            }
            other => return Err(Refuse::new(function_name(other), "has no Spark translation in the export", "see docs/spark-export.md for what translates")),
        })
    }

    /// `start` when `int_range(start, end)` numbers the rows: a literal start and an end of
    /// `pl.len() + start` (casts Polars inserted aside), so the range is as long as the frame.
    fn row_numbers(&self, start: Node, end: Node) -> Option<i64> {
        use polars_plan::plans::AExpr;
        let start = self.literal_value(start)?.extract::<i64>()?;
        let mut end = end;
        while let AExpr::Cast { expr, .. } = self.aexpr(end) {
            end = *expr;
        }
        let is_len = |mut n: Node| {
            while let AExpr::Cast { expr, .. } = self.aexpr(n) {
                n = *expr;
            }
            matches!(self.aexpr(n), AExpr::Len)
        };
        let offset = match self.aexpr(end) {
            AExpr::Len => 0,
            AExpr::BinaryExpr { left, op: polars_plan::prelude::Operator::Plus, right } if is_len(*left) => self.literal_value(*right)?.extract::<i64>()?,
            AExpr::BinaryExpr { left, op: polars_plan::prelude::Operator::Plus, right } if is_len(*right) => self.literal_value(*left)?.extract::<i64>()?,
            AExpr::BinaryExpr { left, op: polars_plan::prelude::Operator::Minus, right } if is_len(*left) => -self.literal_value(*right)?.extract::<i64>()?,
            _ => return None,
        };
        (offset == start).then_some(start)
    }

    /// The integer time of a `by` column (computed first) and its unit, for `*_by` functions.
    fn time_key(&self, by: Node, win: &Win, name: &str) -> Translated<(String, TimeUnit)> {
        if win.ordered_by_user {
            return Err(Refuse::new(name.to_string(), "inside `over(..., order_by=...)` is not translated by the export", "drop order_by: the rows are taken in time order"));
        }
        let dtype = self.dtype(by)?;
        let unit = match dtype {
            DataType::Datetime(unit, None) => unit,
            _ => return Err(Refuse::new(name.to_string(), format!("by a {dtype} column is not translated by the export"), "use a Datetime column without time zone")),
        };
        let code = self.expr(by, &Ctx::Inner)?;
        Ok((self.materialize(epoch(&code, &dtype, unit)), unit))
    }

    /// `code` unless the partition's `by` times are tied and not in order: Polars sorts them then
    /// with an unstable sort, which leaves the tied rows in an order the script cannot know, so
    /// the script raises instead of giving other values.
    fn tie_guard(&self, key: &str, win: &Win, name: &str, code: String) -> String {
        // Pre-computed columns cannot read each other: use the time's own code.
        let time = self.pre.borrow().iter().find(|(n, _)| format!("F.col({})", py_str(n)) == key).map(|(_, c)| c.clone()).unwrap_or_else(|| key.to_string());
        let key = time.as_str();
        let mut tie_partition = win.partition.clone();
        tie_partition.push(key.to_string());
        let tied = self.materialize(format!("(F.count(F.lit(1)).over(Window.partitionBy({})) > 1).cast(\"int\")", tie_partition.join(", ")));
        let unsorted = self.materialize(format!("({key} < F.lag({key}).over({})).cast(\"int\")", win.ordered()));
        let over = win.unordered();
        format!(
            "F.when((F.max({tied}).over({over}) == 1) & (F.max({unsorted}).over({over}) == 1), F.raise_error(F.lit(\"{name}: tied times in a frame not sorted by them (Polars leaves their order unspecified); sort by the time first\"))).otherwise({code})"
        )
    }

    /// The window of a row context (refused inside aggregations).
    fn rows(&self, ctx: &Ctx, name: &str) -> Translated<Win> {
        match ctx {
            Ctx::Rows(win) => Ok(win.clone()),
            _ => Err(Refuse::new(name.to_string(), "depends on row order and has no Spark translation inside an aggregation", "compute it in `with_columns` first, then aggregate that column")),
        }
    }

    /// `.over(window)` for an aggregate in a row context, "" in a group_by.
    fn aggregate_over(&self, ctx: &Ctx, name: &str) -> Translated<String> {
        match ctx {
            Ctx::Group => Ok(String::new()),
            Ctx::Rows(win) => Ok(format!(".over({})", win.unordered())),
            Ctx::Inner => Err(Refuse::new(name.to_string(), "inside another aggregation has no Spark equivalent", "compute it in an earlier step")),
        }
    }

    /// The window argument of a runtime helper (`None` in a group_by).
    fn aggregate_window(&self, ctx: &Ctx, name: &str) -> Translated<String> {
        match ctx {
            Ctx::Group => Ok("None".into()),
            Ctx::Rows(win) => Ok(win.unordered()),
            Ctx::Inner => Err(Refuse::new(name.to_string(), "inside another aggregation has no Spark equivalent", "compute it in an earlier step")),
        }
    }

    fn fill_strategy(&self, x: Node, strategy: FillNullStrategy, ctx: &Ctx) -> Translated<String> {
        let win = self.rows(ctx, "fill_null")?;
        let value = self.window_input(x, &win)?;
        Ok(match strategy {
            FillNullStrategy::Forward(limit) => {
                let start = limit.map(|l| format!("-{l}")).unwrap_or_else(|| "Window.unboundedPreceding".into());
                format!("F.last({value}, ignorenulls=True).over({})", win.ordered_rows(&start, "Window.currentRow"))
            }
            FillNullStrategy::Backward(limit) => {
                let end = limit.map(|l| l.to_string()).unwrap_or_else(|| "Window.unboundedFollowing".into());
                format!("F.first({value}, ignorenulls=True).over({})", win.ordered_rows("Window.currentRow", &end))
            }
            FillNullStrategy::Mean => format!("F.coalesce({value}, F.avg({value}).over({}))", win.unordered()),
            FillNullStrategy::Min => format!("F.coalesce({value}, F.min({value}).over({}))", win.unordered()),
            FillNullStrategy::Max => format!("F.coalesce({value}, F.max({value}).over({}))", win.unordered()),
            FillNullStrategy::Zero => format!("F.coalesce({value}, F.lit(0))"),
            FillNullStrategy::One => format!("F.coalesce({value}, F.lit(1))"),
        })
    }

    fn boolean(&self, node: Node, input: &[ExprIR], function: &IRBooleanFunction, ctx: &Ctx) -> Translated<String> {
        use IRBooleanFunction as B;
        let arg = |i: usize| -> Translated<String> { self.expr(input[i].node(), ctx) };
        let _ = node;
        Ok(match function {
            B::IsNull => format!("{}.isNull()", arg(0)?),
            B::IsNotNull => format!("{}.isNotNull()", arg(0)?),
            B::IsNan => format!("fe_is_nan({})", arg(0)?),
            B::IsNotNan => format!("(~fe_is_nan({}))", arg(0)?),
            B::IsFinite => {
                let x = arg(0)?;
                format!("F.when({x}.isNotNull(), ~F.isnan({x}) & (F.abs({x}) != F.lit(float(\"inf\"))))")
            }
            B::IsInfinite => format!("(F.abs({}) == F.lit(float(\"inf\")))", arg(0)?),
            B::Not => {
                if !self.dtype(input[0].node())?.is_bool() {
                    return Err(Refuse::new("~", "on integers (bitwise not) has no Spark translation in the export", "use `~` on booleans"));
                }
                format!("(~{})", arg(0)?)
            }
            B::IsIn { nulls_equal } => {
                let x = arg(0)?;
                let dtype = self.dtype(input[0].node())?;
                let values = self.literal_list(input[1].node())?;
                let has_null = values.iter().any(|v| v.is_null());
                let mut items = Vec::new();
                for v in values.iter().filter(|v| !v.is_null()) {
                    items.push(spark_literal(v, &dtype)?);
                }
                let test = if items.is_empty() { format!("F.when({x}.isNotNull(), F.lit(False))") } else { format!("{x}.isin({})", items.join(", ")) };
                if *nulls_equal {
                    format!("F.when({x}.isNull(), F.lit({})).otherwise({test})", if has_null { "True" } else { "False" })
                } else {
                    test
                }
            }
            B::IsBetween { closed } => {
                let (x, lo, hi) = (arg(0)?, arg(1)?, arg(2)?);
                let (l, h) = match closed {
                    ClosedInterval::Both => (">=", "<="),
                    ClosedInterval::Left => (">=", "<"),
                    ClosedInterval::Right => (">", "<="),
                    ClosedInterval::None => (">", "<"),
                };
                format!("(({x} {l} {lo}) & ({x} {h} {hi}))")
            }
            B::Any { ignore_nulls: true } | B::All { ignore_nulls: true } => {
                let any = matches!(function, B::Any { .. });
                let over = self.aggregate_over(ctx, if any { "any" } else { "all" })?;
                let x = self.expr(input[0].node(), &Ctx::Inner)?;
                format!("F.coalesce(F.{}({x}){over}, F.lit({}))", if any { "bool_or" } else { "bool_and" }, if any { "False" } else { "True" })
            }
            B::IsFirstDistinct | B::IsLastDistinct | B::IsUnique | B::IsDuplicated => {
                let name = match function {
                    B::IsFirstDistinct => "is_first_distinct",
                    B::IsLastDistinct => "is_last_distinct",
                    B::IsUnique => "is_unique",
                    _ => "is_duplicated",
                };
                let win = self.rows(ctx, name)?;
                let x = self.window_input(input[0].node(), &win)?;
                let mut partition = win.partition.clone();
                partition.push(x);
                let partition = partition.join(", ");
                match function {
                    B::IsFirstDistinct => format!("(F.row_number().over(Window.partitionBy({partition}).orderBy({})) == 1)", win.order.join(", ")),
                    B::IsLastDistinct if !win.ordered_by_user => format!("(F.row_number().over(Window.partitionBy({partition}).orderBy({ORDER}.desc())) == 1)"),
                    B::IsUnique => format!("(F.count(F.lit(1)).over(Window.partitionBy({partition})) == 1)"),
                    B::IsDuplicated => format!("(F.count(F.lit(1)).over(Window.partitionBy({partition})) > 1)"),
                    _ => return Err(Refuse::new(name, "with `order_by` has no Spark translation in the export", "drop order_by")),
                }
            }
            other => return Err(Refuse::new(format!("{other:?}").to_lowercase(), "has no Spark translation in the export", "see docs/spark-export.md for what translates")),
        })
    }

    /// The values of a literal list (`is_in([...])`).
    fn literal_list(&self, node: Node) -> Translated<Vec<AnyValue<'static>>> {
        use polars_plan::plans::{AExpr, LiteralValue};
        let refuse = || Refuse::new("is_in", "needs a constant list of values for Spark", "write the values in the code: `is_in([...])`");
        match self.aexpr(node) {
            AExpr::Literal(LiteralValue::Series(series)) => Ok(series.iter().map(|v| v.into_static()).collect()),
            AExpr::Literal(LiteralValue::Scalar(scalar)) => match scalar.as_any_value() {
                AnyValue::List(series) => Ok(series.iter().map(|v| v.into_static()).collect()),
                _ => Err(refuse()),
            },
            AExpr::Cast { expr, .. } => self.literal_list(*expr),
            AExpr::Function { input, function: IRFunctionExpr::Unique(_), .. } => self.literal_list(input[0].node()),
            _ => Err(refuse()),
        }
    }

    fn string(&self, input: &[ExprIR], function: &IRStringFunction, ctx: &Ctx) -> Translated<String> {
        use IRStringFunction as S;
        let arg = |i: usize| -> Translated<String> { self.expr(input[i].node(), ctx) };
        let lit = |i: usize, what: &str| -> Translated<String> {
            self.literal_str(input[i].node(), what)?.ok_or_else(|| Refuse::new(what.to_string(), "with a null argument has no Spark translation in the export", "give a string"))
        };
        Ok(match function {
            S::LenChars => format!("F.char_length({}).cast(\"bigint\")", arg(0)?),
            S::LenBytes => format!("F.octet_length({}).cast(\"bigint\")", arg(0)?),
            S::Lowercase => format!("F.lower({})", arg(0)?),
            S::Uppercase => format!("F.upper({})", arg(0)?),
            S::Contains { literal, strict: _ } => {
                let pattern = lit(1, "str.contains")?;
                if *literal {
                    format!("F.contains({}, F.lit({}))", arg(0)?, py_str(&pattern))
                } else {
                    format!("{}.rlike(fe_regex({}))", arg(0)?, py_str(&pattern))
                }
            }
            S::StartsWith => format!("{}.startswith({})", arg(0)?, py_str(&lit(1, "str.starts_with")?)),
            S::EndsWith => format!("{}.endswith({})", arg(0)?, py_str(&lit(1, "str.ends_with")?)),
            S::CountMatches(literal) => {
                let pattern = lit(1, "str.count_matches")?;
                let regex = if *literal { format!("re.escape({})", py_str(&pattern)) } else { format!("fe_regex({})", py_str(&pattern)) };
                format!("F.regexp_count({}, F.lit({regex})).cast(\"bigint\")", arg(0)?)
            }
            // No match: an empty list in both; a null string: null.
            S::ExtractAll => format!("F.regexp_extract_all({}, F.lit(fe_regex({})), 0)", arg(0)?, py_str(&lit(1, "str.extract_all")?)),
            S::Extract(group) => format!("fe_extract({}, {}, {group})", arg(0)?, py_str(&lit(1, "str.extract")?)),
            S::Replace { n, literal } => {
                let (x, old, new) = (arg(0)?, lit(1, "str.replace")?, lit(2, "str.replace")?);
                match (n, literal) {
                    (1, true) => format!("fe_replace_first_literal({x}, {}, {})", py_str(&old), py_str(&new)),
                    (-1, true) => format!("F.replace({x}, F.lit({}), F.lit({}))", py_str(&old), py_str(&new)),
                    (-1, false) => format!("F.regexp_replace({x}, fe_regex({}), {})", py_str(&old), py_str(&new)),
                    (1, false) if old.starts_with('^') => format!("F.regexp_replace({x}, fe_regex({}), {})", py_str(&old), py_str(&new)),
                    // The first match only: the pattern anchored behind the shortest prefix
                    // (the leftmost match, as Rust's regex finds it), the prefix put back.
                    (1, false) if !new.contains(['$', '\\']) => format!("fe_replace_first_regex({x}, {}, {})", py_str(&old), py_str(&new)),
                    _ => return Err(Refuse::new("replace", "of the first regex match with `$` or `\\` in the replacement (or a count other than 1) has no Spark translation in the export", "use `literal=True`, `str.replace_all`, or a plain replacement text")),
                }
            }
            S::StripChars | S::StripCharsStart | S::StripCharsEnd => {
                let chars = self.literal_str(input[1].node(), "str.strip_chars")?;
                let helper = match function {
                    S::StripChars => "fe_strip",
                    S::StripCharsStart => "fe_strip_start",
                    _ => "fe_strip_end",
                };
                format!("{helper}({}, {})", arg(0)?, chars.map(|c| py_str(&c)).unwrap_or_else(|| "None".into()))
            }
            S::StripPrefix => format!("fe_strip_prefix({}, {})", arg(0)?, py_str(&lit(1, "str.strip_prefix")?)),
            S::StripSuffix => format!("fe_strip_suffix({}, {})", arg(0)?, py_str(&lit(1, "str.strip_suffix")?)),
            S::Slice => {
                let offset = self.literal_i64(input[1].node(), "str.slice")?;
                let length = match self.literal_value(input[2].node()) {
                    Some(AnyValue::Null) => "None".to_string(),
                    _ => self.literal_i64(input[2].node(), "str.slice")?.to_string(),
                };
                format!("fe_str_slice({}, {offset}, {length})", arg(0)?)
            }
            S::Head => format!("fe_str_head({}, {})", arg(0)?, self.literal_i64(input[1].node(), "str.head")?),
            S::Tail => format!("fe_str_tail({}, {})", arg(0)?, self.literal_i64(input[1].node(), "str.tail")?),
            S::PadStart { fill_char } | S::PadEnd { fill_char } => {
                let width = self.literal_i64(input[1].node(), "str.pad_start")?;
                let helper = if matches!(function, S::PadStart { .. }) { "fe_pad_start" } else { "fe_pad_end" };
                format!("{helper}({}, {width}, {})", arg(0)?, py_str(&fill_char.to_string()))
            }
            S::ZFill => format!("fe_zfill({}, {})", arg(0)?, self.literal_i64(input[1].node(), "str.zfill")?),
            S::ConcatHorizontal { delimiter, ignore_nulls } => {
                let mut parts = Vec::new();
                for (i, e) in input.iter().enumerate() {
                    let dtype = self.dtype(e.node())?;
                    let x = arg(i)?;
                    parts.push(match dtype {
                        DataType::String | DataType::Categorical(..) | DataType::Enum(..) => x,
                        d if d.is_integer() || d.is_bool() || matches!(d, DataType::Date) => format!("{x}.cast(\"string\")"),
                        d => return Err(Refuse::new("concat_str", format!("of a {d} column prints it differently in Spark"), "cast it to a string of your own format first (e.g. round and cast integers)")),
                    });
                }
                if *ignore_nulls {
                    format!("F.concat_ws({}, {})", py_str(delimiter), parts.join(", "))
                } else if delimiter.is_empty() {
                    format!("F.concat({})", parts.join(", "))
                } else {
                    format!("F.concat({})", parts.join(&format!(", F.lit({}), ", py_str(delimiter))))
                }
            }
            S::Split(false) => format!("F.split({}, re.escape({}), -1)", arg(0)?, py_str(&lit(1, "str.split")?)),
            S::Strptime(dtype, options) => {
                let format = options.format.as_ref().ok_or_else(|| Refuse::new("str.to_datetime", "without a `format` guesses it from the data", "give `format=`"))?;
                let pattern = java_date_pattern(format)?;
                let x = arg(0)?;
                let parse = match dtype {
                    DataType::Date => format!("F.to_date({x}, {})", py_str(&pattern)),
                    DataType::Datetime(_, None) => format!("F.to_timestamp_ntz({x}, F.lit({}))", py_str(&pattern)),
                    _ => return Err(Refuse::new("str.strptime", format!("to {dtype} has no Spark translation in the export"), "parse to a Date or a Datetime without time zone")),
                };
                if options.strict {
                    parse
                } else {
                    return Err(Refuse::new("str.to_datetime", "with strict=False has no faithful Spark parse in the export", "use strict=True"));
                }
            }
            other => return Err(Refuse::new(format!("str.{}", string_name(other)), "has no Spark translation in the export", "see docs/spark-export.md for what translates")),
        })
    }

    fn temporal(&self, input: &[ExprIR], function: &IRTemporalFunction, ctx: &Ctx) -> Translated<String> {
        use IRTemporalFunction as T;
        let x = self.expr(input[0].node(), ctx)?;
        let dtype = self.dtype(input[0].node())?;
        let duration = |unit_ns: i64, fractional: bool, name: &str| -> Translated<String> {
            let DataType::Duration(unit) = dtype else {
                return Err(Refuse::new(name.to_string(), format!("on {dtype}"), "use it on a duration"));
            };
            let per_unit = match unit {
                TimeUnit::Nanoseconds => 1,
                TimeUnit::Microseconds => 1_000,
                TimeUnit::Milliseconds => 1_000_000,
            };
            let divisor = unit_ns / per_unit;
            Ok(if fractional {
                format!("({x} / {divisor})")
            } else if divisor == 1 {
                x.clone()
            } else {
                format!("fe_trunc_div({x}, {divisor})")
            })
        };
        Ok(match function {
            T::Year => format!("F.year({x})"),
            T::Month => format!("F.month({x})"),
            T::Day => format!("F.dayofmonth({x})"),
            T::Quarter => format!("F.quarter({x})"),
            T::Week => format!("F.weekofyear({x})"),
            T::WeekDay => format!("fe_weekday({x})"),
            T::OrdinalDay => format!("F.dayofyear({x})"),
            T::Hour => format!("F.hour({x})"),
            T::Minute => format!("F.minute({x})"),
            T::Second => format!("F.second({x})"),
            T::IsLeapYear => {
                let y = format!("F.year({x})");
                format!("((({y} % 4) == 0) & ((({y} % 100) != 0) | (({y} % 400) == 0)))")
            }
            T::Date => format!("{x}.cast(\"date\")"),
            T::TotalDays { fractional } => duration(86_400_000_000_000, *fractional, "dt.total_days")?,
            T::TotalHours { fractional } => duration(3_600_000_000_000, *fractional, "dt.total_hours")?,
            T::TotalMinutes { fractional } => duration(60_000_000_000, *fractional, "dt.total_minutes")?,
            T::TotalSeconds { fractional } => duration(1_000_000_000, *fractional, "dt.total_seconds")?,
            T::TotalMilliseconds { fractional } => duration(1_000_000, *fractional, "dt.total_milliseconds")?,
            T::TotalMicroseconds { fractional } => duration(1_000, *fractional, "dt.total_microseconds")?,
            T::TimeStamp(unit) => epoch(&x, &dtype, *unit),
            T::MonthStart if dtype == DataType::Date => format!("F.trunc({x}, \"month\")"),
            T::MonthEnd if dtype == DataType::Date => format!("F.last_day({x})"),
            // A Datetime keeps its time of day: whole days are moved in its integer time.
            T::MonthStart | T::MonthEnd if matches!(dtype, DataType::Datetime(_, None)) => {
                let DataType::Datetime(unit, _) = dtype else { unreachable!() };
                let days = if matches!(function, T::MonthStart) { format!("(1 - F.dayofmonth({x})).cast(\"long\")") } else { format!("F.datediff(F.last_day({x}), {x}.cast(\"date\")).cast(\"long\")") };
                format!("fe_from_epoch({} + {days} * {}, {})", epoch(&x, &dtype, unit), per_day(unit), py_str(unit_str(unit)))
            }
            T::OffsetBy => {
                let text = self.literal_str(input[1].node(), "dt.offset_by")?.ok_or_else(|| Refuse::new("dt.offset_by", "by null", "give a duration such as \"1mo\""))?;
                let by = Duration::try_parse(&text).map_err(|_| Refuse::new("dt.offset_by", format!("by `{text}`, which the export does not read"), "give a duration such as \"1mo\" or \"-2w\""))?;
                let sign = if by.negative() { -1 } else { 1 };
                let (months, days, ns) = (sign * by.months(), sign * (by.weeks() * 7 + by.days()), sign * by.nanoseconds());
                match dtype {
                    // Months first (the day clamped to the month's end, as Spark's add_months), then days.
                    DataType::Date if ns == 0 => {
                        let moved = if months != 0 { format!("F.add_months({x}, {months})") } else { x.clone() };
                        if days != 0 { format!("F.date_add({moved}, {days})") } else { moved }
                    }
                    DataType::Datetime(unit, None) => {
                        let mut n = epoch(&x, &dtype, unit);
                        if months != 0 {
                            let day = format!("{x}.cast(\"date\")");
                            n = format!("(F.unix_date(F.add_months({day}, {months})) - F.unix_date({day})).cast(\"long\") * {} + {n}", per_day(unit));
                        }
                        let fixed = days as i128 * 86_400_000_000_000 + ns as i128;
                        let per_unit = match unit {
                            TimeUnit::Nanoseconds => 1,
                            TimeUnit::Microseconds => 1_000,
                            TimeUnit::Milliseconds => 1_000_000,
                        };
                        if fixed % per_unit != 0 {
                            return Err(Refuse::new("dt.offset_by", format!("by `{text}`, finer than the column's time unit"), "use a coarser duration"));
                        }
                        let fixed = fixed / per_unit;
                        if fixed != 0 {
                            n = format!("{n} + ({fixed})");
                        }
                        format!("fe_from_epoch({n}, {})", py_str(unit_str(unit)))
                    }
                    _ => return Err(Refuse::new("dt.offset_by", format!("of a {dtype} by `{text}` is not translated by the export"), "offset a Date by months, weeks or days, or a Datetime")),
                }
            }
            T::ToString(format) => {
                if !matches!(dtype, DataType::Date | DataType::Datetime(_, None)) {
                    return Err(Refuse::new("dt.strftime", format!("of {dtype} has no Spark translation in the export"), "format a Date or Datetime"));
                }
                format!("F.date_format({x}, {})", py_str(&java_date_pattern(format)?))
            }
            T::Truncate => {
                let every = self.literal_str(input[1].node(), "dt.truncate")?.unwrap_or_default();
                let unit = match every.as_str() {
                    "1d" => "day",
                    "1h" => "hour",
                    "1m" => "minute",
                    "1s" => "second",
                    "1mo" => "month",
                    "1y" => "year",
                    "1q" => "quarter",
                    "1w" => "week",
                    _ => return Err(Refuse::new("dt.truncate", format!("to `{every}` has no Spark date_trunc unit"), "truncate to 1d, 1h, 1m, 1s, 1w, 1mo, 1q or 1y")),
                };
                match dtype {
                    DataType::Date => format!("F.date_trunc({}, {x}).cast(\"date\")", py_str(unit)),
                    DataType::Datetime(_, None) => format!("F.date_trunc({}, {x}).cast(\"timestamp_ntz\")", py_str(unit)),
                    _ => return Err(Refuse::new("dt.truncate", format!("of {dtype}"), "truncate a Date or Datetime")),
                }
            }
            other => return Err(Refuse::new(format!("dt.{}", format!("{other:?}").to_lowercase()), "has no Spark translation in the export", "see docs/spark-export.md for what translates")),
        })
    }

    fn list(&self, input: &[ExprIR], function: &IRListFunction, ctx: &Ctx) -> Translated<String> {
        let x = self.expr(input[0].node(), ctx)?;
        Ok(match function {
            IRListFunction::Length => format!("F.size({x}).cast(\"bigint\")"),
            IRListFunction::Get(null_on_oob) => {
                let i = self.literal_i64(input[1].node(), "list.get")?;
                let index = if i >= 0 { i + 1 } else { i };
                if *null_on_oob {
                    format!("F.try_element_at({x}, F.lit({index}))")
                } else {
                    format!("F.element_at({x}, {index})")
                }
            }
            IRListFunction::Slice => {
                let offset = self.literal_i64(input[1].node(), "list.slice")?;
                let length = match self.literal_value(input[2].node()) {
                    Some(AnyValue::Null) => "None".to_string(),
                    _ => self.literal_i64(input[2].node(), "list.slice")?.to_string(),
                };
                format!("fe_list_slice({x}, {offset}, {length})")
            }
            IRListFunction::Join(ignore_nulls) => {
                let separator = self.literal_str(input[1].node(), "list.join")?.ok_or_else(|| Refuse::new("list.join", "with a null separator", "give a separator"))?;
                let joined = format!("F.array_join({x}, {})", py_str(&separator));
                if *ignore_nulls {
                    joined
                } else {
                    // ignore_nulls=False: a list holding a null joins to null.
                    format!("F.when(~F.exists({x}, lambda v: v.isNull()), {joined})")
                }
            }
            other => return Err(Refuse::new(format!("list.{}", format!("{other:?}").to_lowercase()), "has no Spark translation in the export", "use list.len(), list.get(i), list.first(), list.last(), list.slice/head/tail or list.join")),
        })
    }
}

fn quantile_method(method: QuantileMethod, name: &str) -> Translated<&'static str> {
    Ok(match method {
        QuantileMethod::Nearest => "nearest",
        QuantileMethod::Lower => "lower",
        QuantileMethod::Higher => "higher",
        QuantileMethod::Midpoint => "midpoint",
        QuantileMethod::Linear => "linear",
        QuantileMethod::Equiprobable => return Err(Refuse::new(name.to_string(), "with interpolation=\"equiprobable\" has no Spark translation in the export", "use \"nearest\", \"linear\", \"lower\", \"higher\" or \"midpoint\"")),
    })
}

fn per_day(unit: TimeUnit) -> i64 {
    match unit {
        TimeUnit::Nanoseconds => 86_400_000_000_000,
        TimeUnit::Microseconds => 86_400_000_000,
        TimeUnit::Milliseconds => 86_400_000,
    }
}

fn unit_str(unit: TimeUnit) -> &'static str {
    match unit {
        TimeUnit::Nanoseconds => "ns",
        TimeUnit::Microseconds => "us",
        TimeUnit::Milliseconds => "ms",
    }
}

fn spark_name(dtype: &DataType) -> Translated<String> {
    spark_type_name(dtype).ok_or_else(|| Refuse::new("expression", format!("of type {dtype} has no Spark type"), "cast it to a number or a string"))
}

fn trigonometry(t: IRTrigonometricFunction) -> &'static str {
    use IRTrigonometricFunction as T;
    match t {
        T::Cos => "cos",
        T::Cot => "cot",
        T::Sin => "sin",
        T::Tan => "tan",
        T::ArcCos => "acos",
        T::ArcSin => "asin",
        T::ArcTan => "atan",
        T::Cosh => "cosh",
        T::Sinh => "sinh",
        T::Tanh => "tanh",
        T::ArcCosh => "acosh",
        T::ArcSinh => "asinh",
        T::ArcTanh => "atanh",
        T::Degrees => "degrees",
        T::Radians => "radians",
    }
}

fn rolling_aggregate(function: &IRRollingFunction, params: Option<&RollingFnParams>) -> Translated<String> {
    use IRRollingFunction as R;
    let ddof = match params {
        Some(RollingFnParams::Var(v)) => v.ddof,
        _ => 1,
    };
    Ok(match (function, ddof) {
        (R::Min, _) => "F.min".into(),
        (R::Max, _) => "F.max".into(),
        (R::Mean, _) => "F.avg".into(),
        (R::Sum, _) => "F.sum".into(),
        (R::Std, 1) => "F.stddev_samp".into(),
        (R::Std, 0) => "F.stddev_pop".into(),
        (R::Var, 1) => "F.var_samp".into(),
        (R::Var, 0) => "F.var_pop".into(),
        (other, _) => return Err(Refuse::new(rolling_name(other), "has no Spark window aggregate in the export", "use rolling_mean, _sum, _min, _max, _std or _var")),
    })
}

fn rolling_by_aggregate(function: &IRRollingFunctionBy, params: Option<&RollingFnParams>) -> Translated<String> {
    use IRRollingFunctionBy as R;
    let ddof = match params {
        Some(RollingFnParams::Var(v)) => v.ddof,
        _ => 1,
    };
    Ok(match (function, ddof) {
        (R::MinBy, _) => "F.min".into(),
        (R::MaxBy, _) => "F.max".into(),
        (R::MeanBy, _) => "F.avg".into(),
        (R::SumBy, _) => "F.sum".into(),
        (R::StdBy, 1) => "F.stddev_samp".into(),
        (R::StdBy, 0) => "F.stddev_pop".into(),
        (R::VarBy, 1) => "F.var_samp".into(),
        (R::VarBy, 0) => "F.var_pop".into(),
        (other, _) => return Err(Refuse::new(rolling_by_name(other), "has no Spark window aggregate in the export", "use rolling_mean_by, _sum_by, _min_by, _max_by, _std_by or _var_by")),
    })
}

fn rolling_name(function: &IRRollingFunction) -> String {
    format!("rolling_{}", format!("{function:?}").to_lowercase())
}

fn rolling_by_name(function: &IRRollingFunctionBy) -> String {
    let name = format!("{function:?}").to_lowercase();
    format!("rolling_{}_by", name.trim_end_matches("by"))
}

fn string_name(function: &IRStringFunction) -> String {
    string_name_of(&format!("{function:?}"))
}

fn function_name(function: &IRFunctionExpr) -> String {
    let debug = format!("{function:?}");
    string_name_of(&debug)
}

/// `SplitExact { .. }` → `split_exact`: the Python name of a function from its Debug text.
fn string_name_of(debug: &str) -> String {
    let head = debug.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let mut snake = String::new();
    for (i, c) in head.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            snake.push('_');
        }
        snake.extend(c.to_lowercase());
    }
    snake
}

/// Polars' default labels of `cut`: `(-inf, b0]`, `(b0, b1]`, … (`[a, b)` when left-closed),
/// with the breaks printed as Rust prints floats.
fn cut_labels(breaks: &[f64], labels: Option<&[PlSmallStr]>, left_closed: bool) -> Vec<String> {
    if let Some(labels) = labels {
        return labels.iter().map(|l| l.to_string()).collect();
    }
    let mut edges = vec![f64::NEG_INFINITY];
    edges.extend_from_slice(breaks);
    edges.push(f64::INFINITY);
    edges
        .windows(2)
        .map(|w| {
            let (a, b) = (float_label(w[0]), float_label(w[1]));
            if left_closed { format!("[{a}, {b})") } else { format!("({a}, {b}]") }
        })
        .collect()
}

fn float_label(value: f64) -> String {
    if value.is_infinite() {
        if value > 0.0 { "inf".into() } else { "-inf".into() }
    } else {
        format!("{value}")
    }
}

/// A Java DateTimeFormatter pattern for a chrono/strftime format (the common directives).
fn java_date_pattern(format: &str) -> Translated<String> {
    let mut out = String::new();
    let mut literal = String::new();
    let flush = |literal: &mut String, out: &mut String| {
        if !literal.is_empty() {
            if literal.chars().all(|c| "-/:., T".contains(c)) && !literal.contains('T') {
                out.push_str(literal);
            } else {
                out.push('\'');
                out.push_str(&literal.replace('\'', "''"));
                out.push('\'');
            }
            literal.clear();
        }
    };
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            literal.push(c);
            continue;
        }
        let directive = chars.next().unwrap_or('%');
        let java = match directive {
            'Y' => "yyyy",
            'm' => "MM",
            'd' => "dd",
            'H' => "HH",
            'M' => "mm",
            'S' => "ss",
            'y' => "yy",
            'b' => "MMM",
            'B' => "MMMM",
            'a' => "EEE",
            'A' => "EEEE",
            'j' => "DDD",
            'F' => "yyyy-MM-dd",
            'T' => "HH:mm:ss",
            '%' => {
                literal.push('%');
                continue;
            }
            other => return Err(Refuse::new("strftime", format!("directive `%{other}` has no Java pattern in the export"), "use %Y %m %d %H %M %S %y %b %B %a %A %j %F %T")),
        };
        flush(&mut literal, &mut out);
        out.push_str(java);
    }
    flush(&mut literal, &mut out);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strftime_formats_become_java_patterns() {
        assert_eq!(java_date_pattern("%Y-%m-%d %H:%M:%S").unwrap(), "yyyy-MM-dd HH:mm:ss");
        assert_eq!(java_date_pattern("%d/%m/%Y").unwrap(), "dd/MM/yyyy");
        assert_eq!(java_date_pattern("%Y-%m-%dT%H:%M").unwrap(), "yyyy-MM-dd'T'HH:mm");
        assert!(java_date_pattern("%Y %Z").is_err());
    }

    #[test]
    fn cut_labels_print_breaks_as_polars_does() {
        assert_eq!(cut_labels(&[18.0, 65.5], None, false), vec!["(-inf, 18]", "(18, 65.5]", "(65.5, inf]"]);
        assert_eq!(cut_labels(&[1.0], None, true), vec!["[-inf, 1)", "[1, inf)"]);
    }
}
