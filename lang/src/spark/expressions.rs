// Polars expressions (resolved plan nodes) as PySpark columns: columns, literals, operators,
// casts, when/then, aggregations and `over` windows. Functions are in `functions`.
//
// A context says where an expression is evaluated: per row of a frame (aggregations become
// window aggregates over the row's partition, order-dependent functions ordered windows), in a
// `group_by().agg()` (plain aggregates), or inside an aggregate's input (neither).

use std::cell::RefCell;

use polars::prelude::*;
use polars::chunked_array::cast::CastOptions;
use polars_plan::plans::{AExpr, IRAggExpr, LiteralValue, DynLiteralValue, ToFieldContext};
use polars_plan::prelude::Operator;
use polars_plan::prelude::{Arena, Node};

use super::literals::{py_str, spark_literal, spark_type_name, unit_name};
use super::{Refuse, Translated};

pub(crate) const ORDER: &str = "F.col(_FE_ORDER)";

/// The rows an aggregate or an order-dependent function sees from the current row.
#[derive(Clone, Debug, Default)]
pub(crate) struct Win {
    pub partition: Vec<String>,
    /// Sort keys (PySpark column expressions); the hidden order column last.
    pub order: Vec<String>,
    /// True inside `.over(...)`.
    pub explicit: bool,
    /// True when `over(..., order_by=...)` set the order.
    pub ordered_by_user: bool,
    /// A whole window spec with its frame (`rolling(index_column=...)`): aggregates use it.
    pub frame: Option<String>,
}

impl Win {
    pub fn whole_frame() -> Win {
        Win { partition: Vec::new(), order: vec![ORDER.into()], explicit: false, ordered_by_user: false, frame: None }
    }
    pub fn unordered(&self) -> String {
        if let Some(frame) = &self.frame {
            return frame.clone();
        }
        format!("Window.partitionBy({})", self.partition.join(", "))
    }
    pub fn ordered(&self) -> String {
        format!("Window.partitionBy({}).orderBy({})", self.partition.join(", "), self.order.join(", "))
    }
    pub fn ordered_rows(&self, start: &str, end: &str) -> String {
        format!("{}.rowsBetween({start}, {end})", self.ordered())
    }
}

#[derive(Clone, Debug)]
pub(crate) enum Ctx {
    /// Per row of a frame (`select`, `with_columns`, `filter`, sort keys).
    Rows(Win),
    /// An output of `group_by().agg()`.
    Group,
    /// The input of an aggregate: element-wise only.
    Inner,
}

pub(crate) struct ExprTranslator<'a> {
    pub ex: &'a Arena<AExpr>,
    pub schema: &'a Schema,
    /// Columns computed before the expression (windows inside windows), as (name, code).
    pub pre: RefCell<Vec<(String, String)>>,
    pub pre_prefix: String,
    /// The last operator rendered as plain Python infix `(a op b)`: its node, precedence and
    /// code length, so the operator above it can drop the parentheses of its left operand
    /// (a 2,000-term sum must stay under Python's limit of 200 nested parentheses).
    last_infix: RefCell<Option<(Node, u8, usize)>>,
    /// How deep the expression being translated is nested so far (see [`SPARK_MAX_DEPTH`]).
    depth: std::cell::Cell<usize>,
}

/// The deepest expression the export emits: Spark 4.3's analyzer overflows its stack converting
/// deeper columns (measured: a sum of 250 terms runs, one of 500 fails in `withColumns`).
pub(crate) const SPARK_MAX_DEPTH: usize = 200;

impl<'a> ExprTranslator<'a> {
    pub fn new(ex: &'a Arena<AExpr>, schema: &'a Schema, pre_prefix: String) -> Self {
        ExprTranslator { ex, schema, pre: RefCell::new(Vec::new()), pre_prefix, last_infix: RefCell::new(None), depth: std::cell::Cell::new(0) }
    }

    pub fn dtype(&self, node: Node) -> Translated<DataType> {
        self.ex
            .get(node)
            .to_dtype(&ToFieldContext::new(self.ex, self.schema))
            .map_err(|e| Refuse::new("expression", format!("has no type Polars can resolve here: {e}"), "run the step in the kernel first"))
    }

    /// The Spark type an `ewm_*` recursion computes in for `node` ("float" for Float32, else
    /// "double"); a column that is not numeric is refused, naming `function`.
    pub fn ewm_computed_type(&self, node: Node, function: &str) -> Translated<&'static str> {
        match self.dtype(node)? {
            DataType::Float32 => Ok("float"),
            d if d.is_primitive_numeric() => Ok("double"),
            d => Err(Refuse::new(function, format!("of a {d} column is not translated by the export"), "use it on numbers")),
        }
    }

    pub fn aexpr(&self, node: Node) -> &AExpr {
        self.ex.get(node)
    }

    /// A column computed before the expression that needs it (so a window can read another
    /// window's result, which Spark does not allow in one expression).
    pub fn materialize(&self, code: String) -> String {
        let mut pre = self.pre.borrow_mut();
        if let Some((name, _)) = pre.iter().find(|(_, c)| *c == code) {
            return format!("F.col({})", py_str(name));
        }
        let name = format!("_fe_{}_{}", self.pre_prefix, pre.len());
        pre.push((name.clone(), code));
        format!("F.col({})", py_str(&name))
    }

    /// The input of a window function: computed first when it is itself a window.
    pub fn window_input(&self, node: Node, win: &Win) -> Translated<String> {
        let code = self.expr(node, &Ctx::Rows(win.clone()))?;
        Ok(if is_windowed(&code) { self.materialize(code) } else { code })
    }

    /// The PySpark column of `node`, with Polars' result type where Spark's would be wider:
    /// Float32 results are rounded to Float32 (Spark computes in double), integer arithmetic
    /// narrower than 64 bits wraps as Polars' does (Spark widens).
    pub fn expr(&self, node: Node, ctx: &Ctx) -> Translated<String> {
        let depth = self.depth.get() + 1;
        if depth > SPARK_MAX_DEPTH {
            return Err(Refuse::new(
                "expression",
                format!("is nested more than {SPARK_MAX_DEPTH} operations deep, and Spark's analyzer overflows its stack on such columns"),
                "split it over several `with_columns` steps (a long written-out sum: add it up in parts)",
            ));
        }
        self.depth.set(depth);
        let code = self.expr_nested(node, ctx);
        self.depth.set(depth - 1);
        code
    }

    fn expr_nested(&self, node: Node, ctx: &Ctx) -> Translated<String> {
        let code = self.expr_inner(node, ctx)?;
        let computed = matches!(self.aexpr(node), AExpr::Agg(_) | AExpr::BinaryExpr { .. } | AExpr::Function { .. } | AExpr::Over { .. } | AExpr::Ternary { .. });
        if !computed {
            return Ok(code);
        }
        Ok(match self.dtype(node)? {
            DataType::Float32 => format!("{code}.cast(\"float\")"),
            _ => code,
        })
    }

    fn expr_inner(&self, node: Node, ctx: &Ctx) -> Translated<String> {
        match self.aexpr(node) {
            AExpr::Column(name) => Ok(column(name)),
            AExpr::Literal(value) => self.literal(node, value),
            AExpr::BinaryExpr { left, op, right } => self.binary(node, *left, *op, *right, ctx),
            AExpr::Cast { expr, dtype, options } => self.cast(*expr, dtype, *options, ctx),
            AExpr::Ternary { predicate, truthy, falsy } => self.ternary(*predicate, *truthy, *falsy, ctx),
            AExpr::Agg(agg) => self.aggregate(agg, ctx),
            AExpr::Len => match ctx {
                Ctx::Group => Ok("F.count(F.lit(1))".into()),
                Ctx::Rows(win) => Ok(format!("F.count(F.lit(1)).over({})", win.unordered())),
                Ctx::Inner => Err(nested_aggregate("len")),
            },
            AExpr::Over { function, partition_by, order_by, mapping } => {
                if !matches!(mapping, WindowMapping::GroupsToRows) {
                    return Err(Refuse::new("over", "with `mapping_strategy` other than \"group_to_rows\" has no Spark window", "use the default mapping strategy, or a group_by + join"));
                }
                let Ctx::Rows(outer) = ctx else {
                    return Err(Refuse::new("over", "inside an aggregation has no Spark equivalent", "compute the window in `with_columns` first, then aggregate that column"));
                };
                if outer.explicit {
                    return Err(Refuse::new("over", "inside another `over` has no Spark equivalent", "compute the inner window in an earlier `with_columns`"));
                }
                let mut partition = Vec::new();
                for p in partition_by {
                    partition.push(self.expr(*p, &Ctx::Inner)?);
                }
                let mut order = Vec::new();
                let mut ordered_by_user = false;
                if let Some((by, options)) = order_by {
                    order.push(sort_key(self.expr(*by, &Ctx::Inner)?, options.descending, options.nulls_last));
                    ordered_by_user = true;
                }
                order.push(ORDER.into());
                let win = Win { partition, order, explicit: true, ordered_by_user, frame: None };
                self.expr(*function, &Ctx::Rows(win))
            }
            AExpr::Function { input, function, .. } => self.function(node, input, function, ctx),
            AExpr::Rolling { function, index_column, period, offset, closed_window } => self.rolling(*function, *index_column, period, offset, *closed_window, ctx),
            AExpr::Filter { .. } => Err(Refuse::new("filter", "on an expression (not directly inside an aggregation) changes its length; Spark columns cannot", "filter inside an aggregation (`pl.col(\"x\").filter(c).sum()`) or filter the frame")),
            AExpr::Sort { .. } => Err(Refuse::new("sort", "of an expression reorders one column against the others; Spark columns have no such operation", "sort the frame with `df.sort(...)`")),
            AExpr::SortBy { .. } => Err(Refuse::new("sort_by", "of an expression has no Spark column equivalent", "sort the frame, or use `over(..., order_by=...)`")),
            AExpr::Gather { .. } => Err(Refuse::new("get", "(taking values by position) has no Spark column equivalent", "use `first()`/`last()`, or `shift`")),
            AExpr::Slice { .. } => Err(Refuse::new("slice", "of an expression changes its length; Spark columns cannot", "use `head`/`slice` on the frame")),
            AExpr::Explode { .. } => Err(Refuse::new("explode", "changes the number of rows inside an expression", "explode the frame with `df.explode(...)`")),
            AExpr::AnonymousFunction { .. } | AExpr::AnonymousAgg { .. } => Err(Refuse::new("map_batches", "is a function Spark cannot see into", "use expressions")),
            AExpr::Eval { .. } => Err(Refuse::new("eval", "(list.eval / cumulative_eval) has no faithful Spark translation in the export", "use list functions such as `list.len()`")),
            other => Err(Refuse::new(expr_name(other), "has no Spark translation in the export", "see docs/spark-export.md for what translates")),
        }
    }

    /// `agg.rolling(index_column=t, period=, offset=, closed=)`: the aggregate over the rows whose
    /// time is in `t + offset` .. `t + offset + period` — a range frame on the integer time.
    fn rolling(&self, function: Node, index: Node, period: &Duration, offset: &Duration, closed: ClosedWindow, ctx: &Ctx) -> Translated<String> {
        let Ctx::Rows(outer) = ctx else {
            return Err(Refuse::new("rolling", "inside an aggregation has no Spark equivalent", "compute it in `with_columns` first"));
        };
        if outer.explicit {
            return Err(Refuse::new("rolling", "inside `over(...)` is not translated by the export", "use `rolling_*_by(...).over(...)`"));
        }
        let plain = self.rollable(function);
        if !plain {
            return Err(Refuse::new("rolling", "of an expression other than one aggregation (sum, mean, min, max, count, std, var, len) is not translated by the export", "roll one aggregation, e.g. `pl.col(\"x\").sum().rolling(...)`"));
        }
        let index_dtype = self.dtype(index)?;
        let (unit, lo, hi) = range_bounds(&index_dtype, period, offset, closed)?;
        let key = self.materialize(epoch(&self.expr(index, &Ctx::Inner)?, &index_dtype, unit));
        let frame = format!("Window.partitionBy().orderBy({key}).rangeBetween({lo}, {hi})");
        let win = Win { frame: Some(frame), ..outer.clone() };
        self.expr(function, &Ctx::Rows(win))
    }

    /// An expression `rolling` can take: aggregations whose window is the whole frame spec
    /// (sum, mean, min, max, count, std, var, len), combined element-wise (Polars' own plan of
    /// a float `max` is `fill_null(max(non-NaN), max)`).
    pub(crate) fn rollable(&self, node: Node) -> bool {
        use polars_plan::plans::IRFunctionExpr as Fx;
        match self.aexpr(node) {
            AExpr::Len | AExpr::Literal(_) => true,
            AExpr::Agg(agg) => matches!(agg, IRAggExpr::Min { .. } | IRAggExpr::Max { .. } | IRAggExpr::Sum(_) | IRAggExpr::Mean(_) | IRAggExpr::Count { .. } | IRAggExpr::Std(..) | IRAggExpr::Var(..)),
            AExpr::BinaryExpr { left, right, .. } => self.rollable(*left) && self.rollable(*right),
            AExpr::Cast { expr, .. } => self.rollable(*expr),
            AExpr::Function { input, function: Fx::FillNull | Fx::Coalesce | Fx::Abs | Fx::Negate, .. } => input.iter().all(|e| self.rollable(e.node())),
            _ => false,
        }
    }

    /// `when/then/otherwise`: a chain of `when`s (nested in the plan's `otherwise`) stays one
    /// flat `F.when(...).when(...)` chain, as Spark's CASE tests them in order too.
    fn ternary(&self, predicate: Node, truthy: Node, falsy: Node, ctx: &Ctx) -> Translated<String> {
        let mut code = format!("F.when({}, {})", self.expr(predicate, ctx)?, self.expr(truthy, ctx)?);
        let mut otherwise = falsy;
        while let AExpr::Ternary { predicate, truthy, falsy } = self.aexpr(otherwise) {
            // A Float32 branch is rounded on its own (see `expr`): it stays nested.
            if self.dtype(otherwise)? == DataType::Float32 {
                break;
            }
            code.push_str(&format!(".when({}, {})", self.expr(*predicate, ctx)?, self.expr(*truthy, ctx)?));
            otherwise = *falsy;
        }
        Ok(format!("{code}.otherwise({})", self.expr(otherwise, ctx)?))
    }

    fn literal(&self, node: Node, value: &LiteralValue) -> Translated<String> {
        let dtype = self.dtype(node)?;
        match value {
            LiteralValue::Dyn(DynLiteralValue::Int(i)) => {
                let i = i64::try_from(*i).map_err(|_| Refuse::new("lit", "is an integer outside 64 bits", "use a smaller value"))?;
                spark_literal(&AnyValue::Int64(i), &dtype)
            }
            LiteralValue::Dyn(DynLiteralValue::Float(f)) => spark_literal(&AnyValue::Float64(*f), &dtype),
            LiteralValue::Dyn(DynLiteralValue::Str(s)) => spark_literal(&AnyValue::String(s), &dtype),
            LiteralValue::Scalar(scalar) => spark_literal(&scalar.as_any_value(), &dtype),
            LiteralValue::Series(_) | LiteralValue::Dyn(DynLiteralValue::List(_)) => Err(Refuse::new("lit", "of a list is only translated as the values of `is_in`", "use `is_in([...])`")),
            LiteralValue::Range(_) => Err(Refuse::new("int_range", "as a literal range has no Spark column", "use `pl.int_range(pl.len())` for row numbers")),
        }
    }

    /// The value of a literal input (through casts Polars inserted), if it is one.
    pub fn literal_value(&self, node: Node) -> Option<AnyValue<'static>> {
        match self.aexpr(node) {
            AExpr::Literal(LiteralValue::Dyn(DynLiteralValue::Int(i))) => i64::try_from(*i).ok().map(AnyValue::Int64),
            AExpr::Literal(LiteralValue::Dyn(DynLiteralValue::Float(f))) => Some(AnyValue::Float64(*f)),
            AExpr::Literal(LiteralValue::Dyn(DynLiteralValue::Str(s))) => Some(AnyValue::StringOwned(s.clone())),
            AExpr::Literal(LiteralValue::Scalar(s)) => Some(s.as_any_value().into_static()),
            AExpr::Cast { expr, .. } => self.literal_value(*expr),
            _ => None,
        }
    }

    pub fn literal_i64(&self, node: Node, what: &str) -> Translated<i64> {
        self.literal_value(node)
            .and_then(|v| v.extract::<i64>())
            .ok_or_else(|| Refuse::new(what.to_string(), "needs a constant integer here for Spark", "write the number in the code"))
    }

    pub fn literal_str(&self, node: Node, what: &str) -> Translated<Option<String>> {
        match self.literal_value(node) {
            Some(AnyValue::Null) => Ok(None),
            Some(AnyValue::StringOwned(s)) => Ok(Some(s.to_string())),
            Some(AnyValue::String(s)) => Ok(Some(s.to_string())),
            _ => Err(Refuse::new(what.to_string(), "needs a constant string here for Spark", "write the text in the code")),
        }
    }

    fn binary(&self, node: Node, left: Node, op: Operator, right: Node, ctx: &Ctx) -> Translated<String> {
        let (lt, rt, out) = (self.dtype(left)?, self.dtype(right)?, self.dtype(node)?);
        let a = self.expr(left, ctx)?;
        let left_infix = self.last_infix.borrow_mut().take().filter(|(n, _, len)| *n == left && *len == a.len()).map(|(_, precedence, _)| precedence);
        let b = self.expr(right, ctx)?;
        let temporal = |d: &DataType| matches!(d, DataType::Date | DataType::Datetime(..));
        // Plain Python infix, left-associative: `a + b + c` needs no parentheses around `a + b`.
        let infix = |symbol: &str, precedence: u8| {
            let left = match left_infix {
                Some(p) if p >= precedence => &a[1..a.len() - 1],
                _ => a.as_str(),
            };
            let code = format!("({left} {symbol} {b})");
            *self.last_infix.borrow_mut() = Some((node, precedence, code.len()));
            code
        };
        Ok(match op {
            Operator::Eq => format!("({a} == {b})"),
            Operator::NotEq => format!("({a} != {b})"),
            Operator::Lt => format!("({a} < {b})"),
            Operator::LtEq => format!("({a} <= {b})"),
            Operator::Gt => format!("({a} > {b})"),
            Operator::GtEq => format!("({a} >= {b})"),
            Operator::EqValidity => format!("{a}.eqNullSafe({b})"),
            Operator::NotEqValidity => format!("(~{a}.eqNullSafe({b}))"),
            Operator::Plus | Operator::Minus if temporal(&lt) || temporal(&rt) => return self.temporal_arithmetic(op, (&a, &lt), (&b, &rt), &out),
            Operator::Plus if out == DataType::String => format!("F.concat({a}, {b})"),
            Operator::Plus | Operator::Minus | Operator::Multiply if wraps(&out) => {
                let sign = match op {
                    Operator::Plus => "+",
                    Operator::Minus => "-",
                    _ => "*",
                };
                let (bits, signed) = integer_width(&out);
                format!("fe_wrap({a}.cast(\"bigint\") {sign} {b}.cast(\"bigint\"), {bits}, {})", if signed { "True" } else { "False" })
            }
            Operator::Plus => infix("+", 3),
            Operator::Minus => infix("-", 3),
            Operator::Multiply if matches!(lt, DataType::Duration(_)) || matches!(rt, DataType::Duration(_)) => format!("({a} * {b}).cast(\"bigint\")"),
            Operator::Multiply => infix("*", 4),
            Operator::TrueDivide => format!("fe_div({a}, {b})"),
            Operator::FloorDivide if out.is_integer() => format!("fe_floordiv_int({a}, {b})"),
            Operator::FloorDivide if out.is_float() => format!("fe_floor(fe_div({a}, {b}))"),
            Operator::Modulus if out.is_integer() => format!("fe_mod_int({a}, {b})"),
            Operator::Modulus if out.is_float() => format!("fe_mod_float({a}, {b})"),
            Operator::And | Operator::LogicalAnd if out == DataType::Boolean => infix("&", 2),
            Operator::Or | Operator::LogicalOr if out == DataType::Boolean => infix("|", 1),
            Operator::Xor if out == DataType::Boolean => format!("({a} != {b})"),
            _ => {
                return Err(Refuse::new(
                    operator_name(op),
                    format!("on {lt} and {rt} has no faithful Spark operator in the export"),
                    "use arithmetic on numbers, `&`/`|` on booleans",
                ))
            }
        })
    }

    /// Datetime ± duration, datetime − datetime, date − date: integers of the duration's unit.
    fn temporal_arithmetic(&self, op: Operator, (a, lt): (&str, &DataType), (b, rt): (&str, &DataType), out: &DataType) -> Translated<String> {
        let refuse = || Refuse::new(operator_name(op), format!("on {lt} and {rt} has no faithful Spark translation in the export"), "subtract two datetimes, or add a duration to a datetime");
        match (lt, rt, out) {
            (DataType::Datetime(..) | DataType::Date, DataType::Datetime(..) | DataType::Date, DataType::Duration(unit)) if op == Operator::Minus => {
                Ok(format!("({} - {})", epoch(a, lt, *unit), epoch(b, rt, *unit)))
            }
            (DataType::Datetime(unit, None), DataType::Duration(_), DataType::Datetime(..)) => {
                let sign = if op == Operator::Minus { "-" } else { "+" };
                Ok(format!("fe_from_epoch({} {sign} {b}, {})", epoch(a, lt, *unit), py_str(unit_name(*unit))))
            }
            (DataType::Duration(_), DataType::Datetime(unit, None), DataType::Datetime(..)) if op == Operator::Plus => {
                Ok(format!("fe_from_epoch({} + {a}, {})", epoch(b, rt, *unit), py_str(unit_name(*unit))))
            }
            _ => Err(refuse()),
        }
    }

    fn cast(&self, expr: Node, to: &DataType, options: CastOptions, ctx: &Ctx) -> Translated<String> {
        let from = self.dtype(expr)?;
        let x = self.expr(expr, ctx)?;
        let strict = matches!(options, CastOptions::Strict);
        let refuse = |why: &str| Refuse::new("cast", format!("from {from} to {to} {why}"), "cast between numbers, or from numbers/booleans/dates to strings");
        if &from == to {
            return Ok(x);
        }
        let spark_to = spark_type_name(to).ok_or_else(|| refuse("has no Spark type"))?;
        let plain = |x: &str| if strict { format!("{x}.cast({})", py_str(&spark_to)) } else { format!("{x}.try_cast({})", py_str(&spark_to)) };
        Ok(match (&from, to) {
            (DataType::Categorical(..) | DataType::Enum(..), DataType::String) | (DataType::String, DataType::Categorical(..) | DataType::Enum(..)) => x,
            (DataType::Null, _) => format!("F.lit(None).cast({})", py_str(&spark_to)),
            (f, t) if (f.is_primitive_numeric() || f.is_bool()) && (t.is_primitive_numeric() || t.is_bool()) => {
                if t.is_unsigned_integer() && f.is_signed_integer() || t.is_unsigned_integer() && f.is_float() {
                    // Spark has no unsigned types: negative values must fail (strict) or be null.
                    let checked = plain(&x);
                    if strict {
                        format!("F.when({x} < 0, F.raise_error(F.lit(\"cast to {to} of a negative value\"))).otherwise({checked})")
                    } else {
                        format!("F.when({x} >= 0, {checked})")
                    }
                } else {
                    plain(&x)
                }
            }
            (f, DataType::String) if f.is_integer() || f.is_bool() || matches!(f, DataType::Date) => plain(&x),
            (DataType::String, t) if t.is_primitive_numeric() => plain(&x),
            (DataType::Datetime(_, None), DataType::Date) | (DataType::Date, DataType::Datetime(_, None)) => plain(&x),
            (DataType::Datetime(unit, None), t) if t.is_integer() => epoch(&x, &from, *unit),
            (DataType::Date, DataType::Int32 | DataType::Int64) => format!("F.unix_date({x})"),
            (DataType::Duration(_), t) if t.is_integer() => x,
            (f, DataType::Duration(_)) if f.is_integer() => x,
            (DataType::Duration(a), DataType::Duration(b)) => format!("F.floor({x} * {} / {}).cast(\"bigint\")", unit_ns(*a), unit_ns(*b)),
            (DataType::Datetime(a, None), DataType::Datetime(b, None)) if a != b => x,
            (f, DataType::String) if f.is_float() => return Err(refuse("prints floats differently in Spark (`1e20` vs `1.0E20`)")),
            (DataType::Datetime(..), DataType::String) => return Err(refuse("prints datetimes differently in Spark")),
            _ => return Err(refuse("has no faithful Spark cast in the export")),
        })
    }

    fn aggregate(&self, agg: &IRAggExpr, ctx: &Ctx) -> Translated<String> {
        let over = match ctx {
            Ctx::Group => None,
            Ctx::Rows(win) => Some(win.clone()),
            Ctx::Inner => return Err(nested_aggregate(agg_name(agg))),
        };
        let unordered = over.as_ref().map(|w| format!(".over({})", w.unordered())).unwrap_or_default();
        // The input, unwrapping `filter` (which only an aggregation keeps).
        let masked = |node: Node| -> Translated<(String, Option<String>, DataType)> {
            match self.aexpr(node) {
                AExpr::Filter { input, by } => {
                    let mask = self.expr(*by, &Ctx::Inner)?;
                    let value = self.expr(*input, &Ctx::Inner)?;
                    Ok((format!("F.when({mask}, {value})"), Some(mask), self.dtype(*input)?))
                }
                // `x.drop_nulls()` inside an aggregation: a filter on `x is not null`.
                AExpr::Function { input, function: polars_plan::plans::IRFunctionExpr::DropNulls, .. } => {
                    let value = self.expr(input[0].node(), &Ctx::Inner)?;
                    let mask = format!("{value}.isNotNull()");
                    Ok((format!("F.when({mask}, {value})"), Some(mask), self.dtype(input[0].node())?))
                }
                _ => Ok((self.expr(node, &Ctx::Inner)?, None, self.dtype(node)?)),
            }
        };
        let numeric = |x: String, dtype: &DataType| if dtype.is_bool() { format!("{x}.cast(\"int\")") } else { x };
        Ok(match agg {
            IRAggExpr::Min { input, .. } => {
                let (x, _, _) = masked(*input)?;
                format!("F.min({x}){unordered}")
            }
            IRAggExpr::Max { input, .. } => {
                let (x, _, dtype) = masked(*input)?;
                if dtype.is_float() {
                    // Polars' max skips NaN unless every value is NaN (Spark: NaN is the largest).
                    format!("F.coalesce(F.max(F.when(~F.isnan({x}), {x})){unordered}, F.max({x}){unordered})")
                } else {
                    format!("F.max({x}){unordered}")
                }
            }
            IRAggExpr::Median(input) => format!("F.median({}){unordered}", numeric(masked(*input)?.0, &masked(*input)?.2)),
            IRAggExpr::Mean(input) => {
                let (x, _, dtype) = masked(*input)?;
                format!("F.avg({}){unordered}", numeric(x, &dtype))
            }
            IRAggExpr::Sum(input) => {
                let (x, _, dtype) = masked(*input)?;
                format!("F.coalesce(F.sum({}){unordered}, F.lit(0))", numeric(x, &dtype))
            }
            IRAggExpr::Count { input, include_nulls } => {
                let (x, mask, _) = masked(*input)?;
                match (include_nulls, mask) {
                    (false, _) => format!("F.count({x}){unordered}"),
                    (true, None) => format!("F.count(F.lit(1)){unordered}"),
                    (true, Some(mask)) => format!("F.count(F.when({mask}, F.lit(1))){unordered}"),
                }
            }
            IRAggExpr::NUnique(input) => {
                let (x, mask, _) = masked(*input)?;
                let null_seen = match &mask {
                    None => format!("F.max(F.when({x}.isNull(), 1).otherwise(0)){unordered}"),
                    Some(m) => format!("F.max(F.when(({m}) & {x}.isNull(), 1).otherwise(0)){unordered}"),
                };
                match &over {
                    None => format!("(F.count_distinct({x}) + {null_seen})"),
                    // Spark has no DISTINCT window aggregates: count the set instead.
                    Some(_) => format!("(F.size(F.collect_set({x}){unordered}) + {null_seen})"),
                }
            }
            IRAggExpr::First(input) | IRAggExpr::Last(input) | IRAggExpr::FirstNonNull(input) | IRAggExpr::LastNonNull(input) => {
                let first = matches!(agg, IRAggExpr::First(_) | IRAggExpr::FirstNonNull(_));
                let skip_nulls = matches!(agg, IRAggExpr::FirstNonNull(_) | IRAggExpr::LastNonNull(_));
                let (x, mask, _) = masked(*input)?;
                match &over {
                    None => {
                        let mut ord = ORDER.to_string();
                        if let Some(m) = &mask {
                            ord = format!("F.when({m}, {ord})");
                        }
                        if skip_nulls {
                            ord = format!("F.when({x}.isNotNull(), {ord})");
                        }
                        format!("F.{}({x}, {ord})", if first { "min_by" } else { "max_by" })
                    }
                    Some(win) => {
                        if mask.is_some() {
                            return Err(Refuse::new("filter", "inside a window aggregation has no Spark translation in the export", "filter inside `group_by().agg()`"));
                        }
                        let frame = win.ordered_rows("Window.unboundedPreceding", "Window.unboundedFollowing");
                        let ignore = if skip_nulls { ", ignorenulls=True" } else { "" };
                        format!("F.{}({x}{ignore}).over({frame})", if first { "first" } else { "last" })
                    }
                }
            }
            IRAggExpr::Std(input, ddof) | IRAggExpr::Var(input, ddof) => {
                let (x, _, dtype) = masked(*input)?;
                let is_std = matches!(agg, IRAggExpr::Std(..));
                let function = match (is_std, ddof) {
                    (true, 1) => "stddev_samp",
                    (true, 0) => "stddev_pop",
                    (false, 1) => "var_samp",
                    (false, 0) => "var_pop",
                    _ => return Err(Refuse::new(if is_std { "std" } else { "var" }, format!("with ddof={ddof} has no Spark aggregate"), "use ddof=1 (the default) or ddof=0")),
                };
                format!("F.{function}({}){unordered}", numeric(x, &dtype))
            }
            IRAggExpr::Implode { input, .. } if over.is_none() => {
                // The group's values as a list in the frame's order (nulls kept: a struct per
                // value, sorted by the order column); `unique()` inside keeps the first of each.
                let (inner, unique) = match self.aexpr(*input) {
                    AExpr::Function { input, function: polars_plan::plans::IRFunctionExpr::Unique(_), .. } => (input[0].node(), true),
                    _ => (*input, false),
                };
                let (x, mask, _) = masked(inner)?;
                let item = format!("F.struct({ORDER}.alias(\"o\"), {x}.alias(\"v\"))");
                let item = match mask {
                    Some(m) => format!("F.when({m}, {item})"),
                    None => item,
                };
                let list = format!("F.transform(F.array_sort(F.collect_list({item})), lambda s: s[\"v\"])");
                if unique { format!("F.array_distinct({list})") } else { list }
            }
            IRAggExpr::Implode { .. } => return Err(Refuse::new("implode", "in a window makes list columns, which the export does not translate", "aggregate to a number or string (e.g. `n_unique`, `first`)")),
            IRAggExpr::AggGroups(_) => return Err(Refuse::new("agg_groups", "has no Spark equivalent", "count with `pl.len()`")),
            IRAggExpr::Item { input, allow_empty } => {
                // The one value of the group (a `pivot` cell): more than one is an error in
                // Polars, none an error or null (`allow_empty`).
                if over.is_some() {
                    return Err(Refuse::new("item", "in a window has no Spark translation in the export", "use `first()`"));
                }
                let (x, mask, dtype) = masked(*input)?;
                let spark = spark_type_name(&dtype).ok_or_else(|| Refuse::new("item", format!("of a {dtype} column has no Spark type"), "pivot numbers or strings"))?;
                let (n, ord) = match &mask {
                    None => ("F.count(F.lit(1))".to_string(), ORDER.to_string()),
                    Some(m) => (format!("F.count(F.when({m}, F.lit(1)))"), format!("F.when({m}, {ORDER})")),
                };
                let value = match &mask {
                    None => self.expr(*input, &Ctx::Inner)?,
                    Some(_) => match self.aexpr(*input) {
                        AExpr::Filter { input, .. } => self.expr(*input, &Ctx::Inner)?,
                        _ => x.clone(),
                    },
                };
                let error = |what: &str| format!("F.raise_error(F.lit(\"item: {what}\")).cast({})", py_str(&spark));
                let empty = if *allow_empty { format!("F.lit(None).cast({})", py_str(&spark)) } else { error("the group has no value") };
                format!("F.when({n} > 1, {}).when({n} == 0, {empty}).otherwise(F.min_by({value}, {ord}))", error("the group has more than one value (Polars raises)"))
            }
        })
    }
}

/// The time unit a `rolling` index is compared in (a Date in milliseconds) and the bounds of the
/// range frame, in that unit, of the window `t + offset` .. `t + offset + period` (`closed`).
pub(crate) fn range_bounds(index_dtype: &DataType, period: &Duration, offset: &Duration, closed: ClosedWindow) -> Translated<(TimeUnit, i64, i64)> {
    let unit = match index_dtype {
        DataType::Datetime(unit, None) => *unit,
        DataType::Date => TimeUnit::Milliseconds,
        _ => return Err(Refuse::new("rolling", format!("by a {index_dtype} column has no Spark range frame in the export"), "roll by a Datetime or Date column")),
    };
    let units = |d: &Duration| -> Translated<i64> {
        if d.months() != 0 {
            return Err(Refuse::new("rolling", "with a period or offset in months or years has no fixed-length Spark range frame", "use days, hours, minutes or seconds"));
        }
        let ns = d.weeks() * 7 * 86_400_000_000_000 + d.days() * 86_400_000_000_000 + d.nanoseconds();
        let per_unit = unit_ns(unit);
        if ns % per_unit != 0 {
            return Err(Refuse::new("rolling", "with a period finer than the column's time unit has no Spark range frame", "use a coarser period"));
        }
        Ok(if d.negative() { -ns / per_unit } else { ns / per_unit })
    };
    let (start, length) = (units(offset)?, units(period)?);
    let (lo, hi) = match closed {
        ClosedWindow::Right => (start + 1, start + length),
        ClosedWindow::Left => (start, start + length - 1),
        ClosedWindow::Both => (start, start + length),
        ClosedWindow::None => (start + 1, start + length - 1),
    };
    Ok((unit, lo, hi))
}

/// `F.col("name")`, or `fe_col("name")` when the name is not a plain identifier.
pub(crate) fn column(name: &str) -> String {
    let plain = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_') && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain {
        format!("F.col({})", py_str(name))
    } else {
        format!("fe_col({})", py_str(name))
    }
}

/// True when the code computes a window (directly or through a helper that does).
pub(crate) fn is_windowed(code: &str) -> bool {
    [".over(", "fe_rank(", "fe_rolling("].iter().any(|m| code.contains(m)) || (code.contains("fe_quantile(") && !code.contains(", None)"))
}

/// A sort key with Polars' null placement (nulls first unless `nulls_last`, for both directions).
pub(crate) fn sort_key(code: String, descending: bool, nulls_last: bool) -> String {
    let method = match (descending, nulls_last) {
        (false, false) => "asc_nulls_first",
        (false, true) => "asc_nulls_last",
        (true, false) => "desc_nulls_first",
        (true, true) => "desc_nulls_last",
    };
    format!("{code}.{method}()")
}

/// An integer count of `unit` since 1970 for a Date or Datetime column.
pub(crate) fn epoch(x: &str, dtype: &DataType, unit: TimeUnit) -> String {
    let kind = if matches!(dtype, DataType::Date) { "date" } else { "datetime" };
    format!("fe_epoch({x}, {}, \"{kind}\")", py_str(unit_name(unit)))
}

/// Integer results Polars computes in their own width (wrapping) where Spark would widen.
fn wraps(dtype: &DataType) -> bool {
    matches!(dtype, DataType::Int8 | DataType::Int16 | DataType::Int32 | DataType::UInt8 | DataType::UInt16 | DataType::UInt32)
}

fn integer_width(dtype: &DataType) -> (u32, bool) {
    match dtype {
        DataType::Int8 => (8, true),
        DataType::Int16 => (16, true),
        DataType::Int32 => (32, true),
        DataType::UInt8 => (8, false),
        DataType::UInt16 => (16, false),
        _ => (32, false),
    }
}

fn unit_ns(unit: TimeUnit) -> i64 {
    match unit {
        TimeUnit::Nanoseconds => 1,
        TimeUnit::Microseconds => 1_000,
        TimeUnit::Milliseconds => 1_000_000,
    }
}

fn nested_aggregate(name: &str) -> Refuse {
    Refuse::new(name.to_string(), "inside another aggregation or a window key has no Spark equivalent", "compute the inner aggregation in an earlier `with_columns`")
}

fn operator_name(op: Operator) -> &'static str {
    match op {
        Operator::Plus => "+",
        Operator::Minus => "-",
        Operator::Multiply => "*",
        Operator::TrueDivide | Operator::RustDivide => "/",
        Operator::FloorDivide => "//",
        Operator::Modulus => "%",
        Operator::And | Operator::LogicalAnd => "&",
        Operator::Or | Operator::LogicalOr => "|",
        Operator::Xor => "^",
        _ => "comparison",
    }
}

fn agg_name(agg: &IRAggExpr) -> &'static str {
    match agg {
        IRAggExpr::Min { .. } => "min",
        IRAggExpr::Max { .. } => "max",
        IRAggExpr::Median(_) => "median",
        IRAggExpr::NUnique(_) => "n_unique",
        IRAggExpr::First(_) | IRAggExpr::FirstNonNull(_) => "first",
        IRAggExpr::Last(_) | IRAggExpr::LastNonNull(_) => "last",
        IRAggExpr::Mean(_) => "mean",
        IRAggExpr::Implode { .. } => "implode",
        IRAggExpr::Sum(_) => "sum",
        IRAggExpr::Count { .. } => "count",
        IRAggExpr::Std(..) => "std",
        IRAggExpr::Var(..) => "var",
        IRAggExpr::AggGroups(_) => "agg_groups",
        IRAggExpr::Item { .. } => "item",
    }
}

fn expr_name(expr: &AExpr) -> &'static str {
    match expr {
        AExpr::Element => "element",
        AExpr::Rolling { .. } => "rolling",
        AExpr::StructEval { .. } => "struct.with_fields",
        AExpr::StructField(_) => "field",
        _ => "expression",
    }
}
