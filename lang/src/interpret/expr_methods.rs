// Methods of Polars expressions (the `Expr` namespace) and of `pl.when(...)` chains, each
// translated to Rust Polars 0.55 following POLARS-TRANSLATION.md (true_div, strict_cast,
// dynamic literals, ddof=1, rank average, rolling min_samples=window, ewm ignore_nulls=False).

use polars::prelude::*;
use polars::series::ops::NullBehavior;

use super::args::{Bound, CallArgs};
use super::conversions::{dyn_float, dyn_int, list_literal, null_lit, StrAs};
use super::failure::{Fail, Result};
use super::module_pl::dtype_of;
use super::values::{Value, WhenChain};
use super::Interpreter;
use crate::allowlist::Namespace;
use crate::diagnostics::Code;

impl Interpreter<'_, '_> {
    pub fn when_method(&mut self, mut chain: WhenChain, name: &str, args: CallArgs) -> Result<Value> {
        let waiting_for_then = chain.branches.last().is_some_and(|(_, then)| then.is_none());
        if !matches!(name, "then" | "when" | "otherwise") {
            let e = chain.finish(null_lit())?;
            return self.expr_method(e, name, args);
        }
        let mut a = args.bind(Namespace::When, name)?;
        match name {
            "then" => {
                if !waiting_for_then {
                    return Err(Fail::type_error("`.then(...)` must follow `.when(...)`").hint("write `pl.when(cond).then(value)`"));
                }
                let e = self.to_expr(a.required("statement")?.clone(), StrAs::Column)?;
                if let Some(last) = chain.branches.last_mut() {
                    last.1 = Some(e);
                }
                Ok(Value::When(chain))
            }
            "when" => {
                if waiting_for_then {
                    return Err(Fail::type_error("`.when(...)` must follow `.then(...)`").hint("give each `when` its `then` first"));
                }
                let condition = self.all_of(std::mem::take(&mut a.rest))?;
                chain.branches.push((condition, None));
                Ok(Value::When(chain))
            }
            _ => {
                let e = self.to_expr(a.required("statement")?.clone(), StrAs::Column)?;
                Ok(Value::Expr(chain.finish(e)?))
            }
        }
    }

    pub fn expr_method(&mut self, e: Expr, name: &str, args: CallArgs) -> Result<Value> {
        let mut a = args.bind(Namespace::Expr, name)?;
        let out = match name {
            "alias" => e.alias(a.string("name", "")?),
            "cast" => {
                let dtype = dtype_of(a.required("dtype")?)?;
                if a.bool("strict", true)? { e.strict_cast(dtype) } else { e.cast(dtype) }
            }
            "fill_null" => match a.opt_string("strategy")? {
                Some(strategy) => {
                    if a.get("value").is_some() {
                        return Err(Fail::value_error("fill_null: give either a value or a strategy, not both"));
                    }
                    let limit = a.opt_int("limit")?.map(|l| l as IdxSize);
                    let strategy = match strategy.as_str() {
                        "forward" => FillNullStrategy::Forward(limit),
                        "backward" => FillNullStrategy::Backward(limit),
                        "min" => FillNullStrategy::Min,
                        "max" => FillNullStrategy::Max,
                        "mean" => FillNullStrategy::Mean,
                        "zero" => FillNullStrategy::Zero,
                        "one" => FillNullStrategy::One,
                        other => return Err(Fail::value_error(format!("unknown fill_null strategy {other:?}"))),
                    };
                    e.fill_null_with_strategy(strategy)
                }
                None => {
                    a.refuse_if_given("limit", "is only supported with a strategy")?;
                    let value = a.get("value").cloned().ok_or_else(|| Fail::value_error("fill_null needs a value or a strategy"))?;
                    let v = self.to_expr(value, StrAs::Literal)?;
                    e.fill_null(v)
                }
            },
            "forward_fill" | "backward_fill" => {
                let limit = a.opt_int("limit")?.map(|l| l.max(0) as IdxSize);
                e.fill_null_with_strategy(if name == "forward_fill" { FillNullStrategy::Forward(limit) } else { FillNullStrategy::Backward(limit) })
            }
            "fill_nan" => {
                let v = a.raw("value").cloned().unwrap_or(Value::None);
                let v = self.to_expr(v, StrAs::Literal)?;
                e.fill_nan(v)
            }
            "is_null" => e.is_null(),
            "is_not_null" => e.is_not_null(),
            "is_nan" => e.is_nan(),
            "is_not_nan" => e.is_not_nan(),
            "is_finite" => e.is_finite(),
            "is_infinite" => e.is_infinite(),
            "not_" => e.not(),
            "and_" | "or_" => {
                let others = std::mem::take(&mut a.rest);
                let mut acc = e;
                for other in others {
                    let o = self.to_expr(other, StrAs::Column)?;
                    acc = if name == "and_" { acc.and(o) } else { acc.or(o) };
                }
                acc
            }
            "xor" | "eq" | "ne" | "lt" | "le" | "gt" | "ge" | "eq_missing" | "ne_missing" | "add" | "sub" | "mul" | "truediv" | "floordiv" | "mod" => {
                let other = a.required("other")?.clone();
                let strings = if name == "xor" { StrAs::Column } else { StrAs::Literal };
                let o = self.to_expr(other, strings)?;
                match name {
                    "xor" => e.xor(o),
                    "eq" => e.eq(o),
                    "ne" => e.neq(o),
                    "lt" => e.lt(o),
                    "le" => e.lt_eq(o),
                    "gt" => e.gt(o),
                    "ge" => e.gt_eq(o),
                    "eq_missing" => e.eq_missing(o),
                    "ne_missing" => e.neq_missing(o),
                    "add" => e + o,
                    "sub" => e - o,
                    "mul" => e * o,
                    "truediv" => e.true_div(o),
                    "floordiv" => e.floor_div(o),
                    _ => e % o,
                }
            }
            "neg" => -e,
            "abs" => e.abs(),
            "sqrt" => e.sqrt(),
            "cbrt" => e.cbrt(),
            "log" => {
                let base = a.float("base", std::f64::consts::E)?;
                e.log(dyn_float(base))
            }
            "log1p" => e.log1p(),
            "log10" => e.log(dyn_float(10.0)),
            "exp" => e.exp(),
            "pow" => {
                let exponent = self.to_expr(a.required("exponent")?.clone(), StrAs::Column)?;
                e.pow(exponent)
            }
            "round" => {
                let decimals = a.int("decimals", 0)?;
                if decimals < 0 {
                    return Err(Fail::value_error("round(): decimals must be 0 or more"));
                }
                e.round(decimals as u32, RoundMode::HalfToEven)
            }
            "floor" => e.floor(),
            "ceil" => e.ceil(),
            "clip" => {
                let lower = a.get("lower_bound").cloned();
                let upper = a.get("upper_bound").cloned();
                match (lower, upper) {
                    (Some(l), Some(u)) => {
                        let l = self.to_expr(l, StrAs::Column)?;
                        let u = self.to_expr(u, StrAs::Column)?;
                        e.clip(l, u)
                    }
                    (Some(l), None) => e.clip_min(self.to_expr(l, StrAs::Column)?),
                    (None, Some(u)) => e.clip_max(self.to_expr(u, StrAs::Column)?),
                    (None, None) => e,
                }
            }
            "sign" => e.sign(),
            "sin" => e.sin(),
            "cos" => e.cos(),
            "tan" => e.tan(),
            "arctan" => e.arctan(),
            "arcsin" => e.arcsin(),
            "arccos" => e.arccos(),
            "sinh" => e.sinh(),
            "degrees" => e.degrees(),
            "radians" => e.radians(),
            "cosh" => e.cosh(),
            "tanh" => e.tanh(),
            "sum" => e.sum(),
            "mean" => e.mean(),
            "median" => e.median(),
            "min" => e.min(),
            "max" => e.max(),
            "std" => e.std(a.int("ddof", 1)? as u8),
            "var" => e.var(a.int("ddof", 1)? as u8),
            "count" => e.count(),
            "len" => e.len(),
            "n_unique" => e.n_unique(),
            "null_count" => e.null_count(),
            "first" => e.first(),
            "last" => e.last(),
            "product" => e.product(),
            "quantile" => {
                let q = a.required("quantile")?.clone();
                let q = self.to_expr(q, StrAs::Column)?;
                e.quantile(q, quantile_method(&a.string("interpolation", "nearest")?)?)
            }
            "skew" => e.skew(a.bool("bias", true)?),
            "kurtosis" => e.kurtosis(a.bool("fisher", true)?, a.bool("bias", true)?),
            "arg_max" => e.arg_max(),
            "arg_min" => e.arg_min(),
            "mode" => e.mode(true),
            "any" => e.any(a.bool("ignore_nulls", true)?),
            "all" => e.all(a.bool("ignore_nulls", true)?),
            "over" => self.over(e, &mut a)?,
            "rolling" => self.expr_rolling(e, &a)?,
            "entropy" | "dot" | "value_counts" | "unique_counts" => self.expr_statistic(e, name, &a)?,
            "gather" | "get" | "search_sorted" | "top_k_by" | "bottom_k_by" => self.expr_position(e, name, &a)?,
            "rle" => e.rle(),
            "ewm_mean_by" => self.ewm_mean_by(e, &a)?,
            "interpolate_by" => {
                let by = self.to_expr(a.required("by")?.clone(), StrAs::Column)?;
                e.interpolate_by(by)
            }
            "arg_sort" => e.arg_sort(a.bool("descending", false)?, a.bool("nulls_last", false)?),
            "slice" => {
                let offset = self.to_expr(a.required("offset")?.clone(), StrAs::Column)?;
                let length = match a.get("length").cloned() {
                    Some(v) => self.to_expr(v, StrAs::Column)?,
                    None => null_lit(),
                };
                e.slice(offset, length)
            }
            "reinterpret" => {
                let signed = match a.get("signed") {
                    Some(Value::Bool(b)) => Some(*b),
                    Some(other) => return Err(Fail::type_error(format!("reinterpret(): `signed` must be True or False, not {}", other.type_name()))),
                    None => None,
                };
                let dtype = match a.get("dtype") {
                    Some(d) => Some(dtype_of(d)?),
                    None => None,
                };
                if signed.is_some() == dtype.is_some() {
                    return Err(Fail::type_error("reinterpret() needs exactly one of `signed` or `dtype`"));
                }
                e.reinterpret(signed, dtype)
            }
            // A promise that the values are sorted (Polars takes faster paths); the values are
            // unchanged, as in Python.
            "set_sorted" => e.set_sorted_flag(sorted_flag(a.bool("descending", false)?, a.bool("nulls_last", false)?)),
            "rank" => {
                let method = match a.string("method", "average")?.as_str() {
                    "average" => RankMethod::Average,
                    "min" => RankMethod::Min,
                    "max" => RankMethod::Max,
                    "dense" => RankMethod::Dense,
                    "ordinal" => RankMethod::Ordinal,
                    "random" => return Err(Fail::new(Code::UnsupportedArgument, "rank(method=\"random\") is not reproducible and not allowed").hint("use \"ordinal\"")),
                    other => return Err(Fail::value_error(format!("unknown rank method {other:?}"))),
                };
                e.rank(RankOptions { method, descending: a.bool("descending", false)? }, None)
            }
            "shift" => {
                let n = match a.get("n").cloned() {
                    Some(v) => self.to_expr(v, StrAs::Column)?,
                    None => dyn_int(1),
                };
                match a.get("fill_value").cloned() {
                    Some(fill) => {
                        let fill = self.to_expr(fill, StrAs::Literal)?;
                        e.shift_and_fill(n, fill)
                    }
                    None => e.shift(n),
                }
            }
            "diff" => {
                let n = a.int("n", 1)?;
                let behavior = match a.choice("null_behavior", "ignore", &["ignore", "drop"])?.as_str() {
                    "drop" => NullBehavior::Drop,
                    _ => NullBehavior::Ignore,
                };
                e.diff(dyn_int(n), behavior)
            }
            "pct_change" => e.pct_change(dyn_int(a.int("n", 1)?)),
            "cum_sum" => e.cum_sum(a.bool("reverse", false)?),
            "cum_prod" => e.cum_prod(a.bool("reverse", false)?),
            "cum_min" => e.cum_min(a.bool("reverse", false)?),
            "cum_max" => e.cum_max(a.bool("reverse", false)?),
            "cum_count" => e.cum_count(a.bool("reverse", false)?),
            "rolling_mean" | "rolling_sum" | "rolling_min" | "rolling_max" | "rolling_median" | "rolling_std" | "rolling_var" => {
                let options = self.fixed_window(&a, name)?;
                match name {
                    "rolling_mean" => e.rolling_mean(options),
                    "rolling_sum" => e.rolling_sum(options),
                    "rolling_min" => e.rolling_min(options),
                    "rolling_max" => e.rolling_max(options),
                    "rolling_median" => e.rolling_median(options),
                    "rolling_std" => e.rolling_std(options),
                    _ => e.rolling_var(options),
                }
            }
            "rolling_mean_by" | "rolling_sum_by" | "rolling_min_by" | "rolling_max_by" | "rolling_median_by" | "rolling_std_by" | "rolling_var_by" => {
                let by = self.to_expr(a.required("by")?.clone(), StrAs::Column)?;
                let window = a.string("window_size", "")?;
                let closed = closed_window(&a.string("closed", "right")?)?;
                let fn_params = if name.ends_with("std_by") || name.ends_with("var_by") {
                    Some(RollingFnParams::Var(RollingVarParams { ddof: a.int("ddof", 1)? as u8 }))
                } else {
                    None
                };
                let min_samples = a.int("min_samples", 1)?.max(0) as usize;
                let options = RollingOptionsDynamicWindow { window_size: parse_duration(&window)?, min_periods: min_samples, closed_window: closed, fn_params };
                // Python Polars 2.1 sums a window without values (empty, or only nulls) to 0
                // when min_samples <= 1; Rust 0.55 gives null there.
                if name == "rolling_sum_by" && min_samples <= 1 {
                    return Ok(Value::Expr(e.rolling_sum_by(by, options).fill_null(dyn_int(0))));
                }
                match name {
                    "rolling_mean_by" => e.rolling_mean_by(by, options),
                    "rolling_sum_by" => e.rolling_sum_by(by, options),
                    "rolling_min_by" => e.rolling_min_by(by, options),
                    "rolling_max_by" => e.rolling_max_by(by, options),
                    "rolling_median_by" => e.rolling_median_by(by, options),
                    "rolling_std_by" => e.rolling_std_by(by, options),
                    _ => e.rolling_var_by(by, options),
                }
            }
            "ewm_mean" | "ewm_std" | "ewm_var" => {
                let alpha = ewm_alpha(&a)?;
                let options = EWMOptions {
                    alpha,
                    adjust: a.bool("adjust", true)?,
                    bias: a.bool("bias", false)?,
                    min_periods: a.int("min_samples", 1)?.max(0) as usize,
                    ignore_nulls: a.bool("ignore_nulls", false)?,
                };
                match name {
                    "ewm_mean" => e.ewm_mean(options),
                    "ewm_std" => e.ewm_std(options),
                    _ => e.ewm_var(options),
                }
            }
            "cut" => {
                let breaks = self.floats(a.required("breaks")?)?;
                let labels = self.labels(&a)?;
                e.cut(breaks, labels, a.bool("left_closed", false)?, a.bool("include_breaks", false)?)
            }
            "qcut" => {
                let labels = self.labels(&a)?;
                let left_closed = a.bool("left_closed", false)?;
                let allow_duplicates = a.bool("allow_duplicates", false)?;
                let include_breaks = a.bool("include_breaks", false)?;
                match a.required("quantiles")? {
                    Value::Int(n) if *n > 0 => e.qcut_uniform(*n as usize, labels, left_closed, allow_duplicates, include_breaks),
                    other => {
                        let probs = self.floats(&other.clone())?;
                        e.qcut(probs, labels, left_closed, allow_duplicates, include_breaks)
                    }
                }
            }
            "is_in" => {
                let other = a.required("other")?.clone();
                let o = self.membership_operand(other)?;
                e.is_in(o, a.bool("nulls_equal", false)?)
            }
            "is_between" => {
                let lower = self.to_expr(a.required("lower_bound")?.clone(), StrAs::Column)?;
                let upper = self.to_expr(a.required("upper_bound")?.clone(), StrAs::Column)?;
                let closed = match a.choice("closed", "both", &["both", "left", "right", "none"])?.as_str() {
                    "left" => ClosedInterval::Left,
                    "right" => ClosedInterval::Right,
                    "none" => ClosedInterval::None,
                    _ => ClosedInterval::Both,
                };
                e.is_between(lower, upper, closed)
            }
            "replace" | "replace_strict" => {
                if name == "replace" {
                    a.refuse_if_given("default", "was removed from `replace` in Python Polars; use `replace_strict(..., default=...)`")?;
                    a.refuse_if_given("return_dtype", "was removed from `replace` in Python Polars; use `replace_strict(..., return_dtype=...)`")?;
                }
                let (old, new) = self.mapping(&a)?;
                if name == "replace" {
                    e.replace(old, new)
                } else {
                    // `default=None` given explicitly maps every other value to null, as in Python
                    // (only a missing `default` makes unmapped values an error).
                    let default = match a.raw("default").cloned() {
                        Some(d) => Some(self.to_expr(d, StrAs::Literal)?),
                        None => None,
                    };
                    let dtype = match a.get("return_dtype") {
                        Some(d) => Some(dtype_of(d)?),
                        None => None,
                    };
                    e.replace_strict(old, new, default, dtype)
                }
            }
            "is_duplicated" => e.is_duplicated(),
            "is_unique" => e.is_unique(),
            "is_first_distinct" => e.is_first_distinct(),
            // Last occurrences are the first ones seen from the end.
            "is_last_distinct" => e.reverse().is_first_distinct().reverse(),
            "unique" => e.unique_stable(),
            "drop_nulls" => e.drop_nulls(),
            "drop_nans" => e.drop_nans(),
            "sort" => e.sort(SortOptions { descending: a.bool("descending", false)?, nulls_last: a.bool("nulls_last", false)?, maintain_order: true, ..Default::default() }),
            "sort_by" => {
                let by = a.first_and_rest("by");
                let exprs = self.exprs_from(by, StrAs::Column)?;
                let options = sort_options(&a, exprs.len())?;
                e.sort_by(exprs, options)
            }
            "reverse" => e.reverse(),
            // `n` may be an expression (Python Polars: `head(n)` is `slice(0, n)`, `tail(n)` is `slice(-n, n)`).
            "head" | "tail" if a.get("n").is_some_and(Value::is_expression_like) => {
                let n = self.to_expr(a.required("n")?.clone(), StrAs::Column)?;
                // Python casts `n` to Int64 (wrapping) before negating it, so an unsigned count works.
                let offset = if name == "head" { dyn_int(0) } else { -n.clone().cast_with_options(DataType::Int64, polars::chunked_array::cast::CastOptions::Overflowing) };
                e.slice(offset, n)
            }
            "head" => e.head(Some(a.int("n", 10)?.max(0) as usize)),
            "tail" => e.tail(Some(a.int("n", 10)?.max(0) as usize)),
            "filter" => {
                let predicates = std::mem::take(&mut a.rest);
                let p = self.all_of(predicates)?;
                e.filter(p)
            }
            "interpolate" => match a.choice("method", "linear", &["linear", "nearest"])?.as_str() {
                "nearest" => e.interpolate(InterpolationMethod::Nearest),
                _ => e.interpolate(InterpolationMethod::Linear),
            },
            "top_k" => e.top_k(dyn_int(a.int("k", 5)?)),
            "bottom_k" => e.bottom_k(dyn_int(a.int("k", 5)?)),
            "rle_id" => e.rle_id(),
            "exclude" => {
                let names = self.names_from(a.first_and_rest("columns"))?;
                match e {
                    Expr::Selector(selector) => Expr::Selector(selector - cols(names)),
                    _ => return Err(Fail::type_error("exclude() works on `pl.all()`, `pl.col(...)` of several columns, or selectors")),
                }
            }
            "explode" => e.explode(ExplodeOptions { empty_as_null: a.bool("empty_as_null", false)?, keep_nulls: a.bool("keep_nulls", true)? }),
            "implode" => e.implode(true),
            "cumulative_eval" => {
                let evaluation = self.to_expr(a.required("expr")?.clone(), StrAs::Column)?;
                let min_samples = a.int("min_samples", 1)?.max(0) as usize;
                e.cumulative_eval(evaluation, min_samples)
            }
            "item" => return Err(Fail::new(Code::NotOnThisType, "`item()` needs a collected value").hint("use `df.select(expr).item()` or `df[\"x\"].item()`")),
            _ => return Err(super::expressions::not_available(name, "Expr", Some(Namespace::Expr))),
        };
        Ok(Value::Expr(out))
    }

    fn over(&mut self, e: Expr, a: &mut Bound) -> Result<Expr> {
        let partition = a.first_and_rest("partition_by");
        let partition = partition.into_iter().filter(|v| !matches!(v, Value::None)).collect::<Vec<_>>();
        let partition = self.exprs_from(partition, StrAs::Column)?;
        let order_by = match a.get("order_by").cloned() {
            Some(v) => Some(self.exprs_from(vec![v], StrAs::Column)?),
            None => None,
        };
        let mapping = match a.choice("mapping_strategy", "group_to_rows", &["group_to_rows", "join", "explode"])?.as_str() {
            "join" => WindowMapping::Join,
            "explode" => WindowMapping::Explode,
            _ => WindowMapping::GroupsToRows,
        };
        let partition_by = if partition.is_empty() { None } else { Some(partition) };
        let order_options = SortOptions { descending: a.bool("descending", false)?, nulls_last: a.bool("nulls_last", false)?, ..Default::default() };
        let order = order_by.map(|exprs| (exprs, order_options));
        e.over_with_options(partition_by, order, mapping).map_err(Fail::from)
    }

    fn fixed_window(&self, a: &Bound, name: &str) -> Result<RollingOptionsFixedWindow> {
        let window = a.int("window_size", 0)?;
        if window < 1 {
            return Err(Fail::value_error("window_size must be at least 1"));
        }
        let window = window as usize;
        let weights = match a.get("weights") {
            Some(w) => Some(self.floats(w)?),
            None => None,
        };
        let fn_params = if name == "rolling_std" || name == "rolling_var" {
            Some(RollingFnParams::Var(RollingVarParams { ddof: a.int("ddof", 1)? as u8 }))
        } else {
            None
        };
        Ok(RollingOptionsFixedWindow {
            window_size: window,
            min_periods: a.opt_int("min_samples")?.map(|m| m.max(0) as usize).unwrap_or(window),
            weights,
            center: a.bool("center", false)?,
            fn_params,
        })
    }

    /// A list of numbers.
    pub fn floats(&self, value: &Value) -> Result<Vec<f64>> {
        let items = value.sequence_items().ok_or_else(|| Fail::type_error(format!("expected a list of numbers, got a {}", value.type_name())))?;
        items
            .iter()
            .map(|v| v.as_f64().filter(|_| !matches!(v, Value::Str(_))).ok_or_else(|| Fail::type_error("expected a list of numbers")))
            .collect()
    }

    fn labels(&self, a: &Bound) -> Result<Option<Vec<String>>> {
        match a.get("labels") {
            None => Ok(None),
            Some(v) => {
                let items = v.sequence_items().ok_or_else(|| Fail::type_error("labels must be a list of strings"))?;
                items.iter().map(|i| i.as_str().map(String::from).ok_or_else(|| Fail::type_error("labels must be strings"))).collect::<Result<Vec<_>>>().map(Some)
            }
        }
    }

    /// The right side of `is_in`: a list literal, a Series from a frame, or an expression.
    fn membership_operand(&mut self, other: Value) -> Result<Expr> {
        match other {
            Value::List(_) | Value::Tuple(_) => list_literal(&other.sequence_items().unwrap_or_default()),
            Value::Column(column) => {
                let df = self.collect(column.frame.data().clone().select([column.expr.clone()]))?;
                let series = df.columns().first().map(|c| c.as_materialized_series().clone()).ok_or_else(|| Fail::value_error("empty selection"))?;
                // `other_series.implode()` (Python 2.1's spelling of "the values of that Series") is one
                // list: test against its items, not against a list of lists.
                let series = match series.dtype() {
                    DataType::List(_) if series.len() == 1 => series.explode(ExplodeOptions { empty_as_null: false, keep_nulls: true }).map_err(Fail::from)?,
                    _ => series,
                };
                self.check_list_len(series.len().min(self.limits.max_list_len + 1))?;
                Ok(lit(series).implode(true))
            }
            Value::Str(_) => Err(Fail::type_error("is_in() needs a list of values, not a str").hint("write `is_in([\"a\", \"b\"])`")),
            other => self.to_expr(other, StrAs::Column),
        }
    }

    /// `replace`'s old/new from a dict or two lists (or a list and one value).
    fn mapping(&mut self, a: &Bound) -> Result<(Expr, Expr)> {
        // A Series (`pl.Series([...])`, an eager range, a column) gives its values, as in Python.
        let as_values = |me: &mut Self, v: Value| -> Result<Value> {
            match v {
                Value::Column(column) => Ok(Value::list(me.series_values(&column)?)),
                other => Ok(other),
            }
        };
        let old = as_values(self, a.required("old")?.clone())?;
        let new_value = match a.get("new").cloned() {
            Some(v) => Some(as_values(self, v)?),
            None => None,
        };
        let (olds, news) = match (&old, new_value.as_ref()) {
            (Value::Dict(d), None) => {
                let d = d.borrow();
                (d.entries.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>(), Some(d.entries.iter().map(|(_, v)| v.clone()).collect::<Vec<_>>()))
            }
            (Value::Dict(_), Some(_)) => return Err(Fail::type_error("give either a mapping dict or `old` and `new`, not both")),
            (_, None) => return Err(Fail::type_error("`new` is required when `old` is not a dict")),
            (Value::List(_) | Value::Tuple(_), Some(new)) => (old.sequence_items().unwrap_or_default(), new.sequence_items()),
            (single, Some(new)) => (vec![single.clone()], new.sequence_items()),
        };
        let old_expr = list_literal(&olds)?;
        let new_expr = match news {
            Some(items) => list_literal(&items)?,
            None => self.to_expr(new_value.clone().unwrap_or(Value::None), StrAs::Literal)?,
        };
        Ok((old_expr, new_expr))
    }
}

/// The flag `set_sorted(descending=, nulls_last=)` puts on a column.
fn sorted_flag(descending: bool, nulls_last: bool) -> polars_plan::plans::AExprSorted {
    polars_plan::plans::AExprSorted { descending: Some(descending), nulls_last: Some(nulls_last) }
}

pub(crate) fn quantile_method(text: &str) -> Result<QuantileMethod> {
    Ok(match text {
        "nearest" => QuantileMethod::Nearest,
        "lower" => QuantileMethod::Lower,
        "higher" => QuantileMethod::Higher,
        "midpoint" => QuantileMethod::Midpoint,
        "linear" => QuantileMethod::Linear,
        other => return Err(Fail::value_error(format!("unknown interpolation {other:?}"))),
    })
}

pub(crate) fn closed_window(text: &str) -> Result<ClosedWindow> {
    Ok(match text {
        "right" => ClosedWindow::Right,
        "left" => ClosedWindow::Left,
        "both" => ClosedWindow::Both,
        "none" => ClosedWindow::None,
        other => return Err(Fail::value_error(format!("closed must be 'left', 'right', 'both' or 'none', not {other:?}"))),
    })
}

pub(crate) fn parse_duration(text: &str) -> Result<Duration> {
    Duration::try_parse(text).map_err(|e| Fail::value_error(format!("bad duration {text:?}: {e}")).hint("write durations like \"7d\", \"12h\", \"1mo\", \"30m\""))
}

pub(crate) fn sort_options(a: &Bound, n: usize) -> Result<SortMultipleOptions> {
    let flags = |name: &str| -> Result<Vec<bool>> {
        match a.get(name) {
            None => Ok(vec![false; n.max(1)]),
            Some(Value::Bool(b)) => Ok(vec![*b; n.max(1)]),
            Some(v) => match v.sequence_items() {
                Some(items) => items.iter().map(|i| match i {
                    Value::Bool(b) => Ok(*b),
                    _ => Err(Fail::type_error(format!("`{name}` must be a bool or a list of bools"))),
                }).collect(),
                None => Err(Fail::type_error(format!("`{name}` must be a bool or a list of bools"))),
            },
        }
    };
    Ok(SortMultipleOptions::default()
        .with_order_descending_multi(flags("descending")?)
        .with_nulls_last_multi(flags("nulls_last")?)
        .with_maintain_order(true))
}

fn ewm_alpha(a: &Bound) -> Result<f64> {
    let given = ["com", "span", "half_life", "alpha"].iter().filter(|k| a.get(k).is_some()).count();
    if given != 1 {
        return Err(Fail::value_error("give exactly one of com, span, half_life, alpha"));
    }
    if let Some(com) = a.opt_float("com")? {
        if com < 0.0 {
            return Err(Fail::value_error("com must be >= 0"));
        }
        return Ok(1.0 / (1.0 + com));
    }
    if let Some(span) = a.opt_float("span")? {
        if span < 1.0 {
            return Err(Fail::value_error("span must be >= 1"));
        }
        return Ok(2.0 / (span + 1.0));
    }
    if let Some(half_life) = a.opt_float("half_life")? {
        if half_life <= 0.0 {
            return Err(Fail::value_error("half_life must be > 0"));
        }
        return Ok(1.0 - (-(2f64.ln()) / half_life).exp());
    }
    let alpha = a.float("alpha", 0.5)?;
    if !(alpha > 0.0 && alpha <= 1.0) {
        return Err(Fail::value_error("alpha must be in (0, 1]"));
    }
    Ok(alpha)
}
