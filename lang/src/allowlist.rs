// The allowlist: every module function, method and property the feature language accepts, with
// its Python signature and known differences. Checker, argument binding and docs all read it.

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

/// Where a name lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Namespace {
    Builtins,
    Pl,
    Selectors,
    Math,
    Numpy,
    Itertools,
    Operator,
    Datetime,
    DataType,
    When,
    Expr,
    Str,
    Dt,
    List,
    Arr,
    Name,
    Struct,
    Meta,
    Frame,
    Series,
    GroupBy,
    PyStr,
    PyList,
    PyDict,
}

impl Namespace {
    /// How the namespace is written in Python (used in messages and docs).
    pub fn display(self) -> &'static str {
        match self {
            Namespace::Builtins => "builtins",
            Namespace::Pl => "pl",
            Namespace::Selectors => "cs (polars.selectors)",
            Namespace::Math => "math",
            Namespace::Numpy => "np (numpy)",
            Namespace::Itertools => "itertools",
            Namespace::Operator => "operator",
            Namespace::Datetime => "datetime (the Python module)",
            Namespace::DataType => "data types",
            Namespace::When => "pl.when(...) chains",
            Namespace::Expr => "Expr",
            Namespace::Str => "Expr.str",
            Namespace::Dt => "Expr.dt",
            Namespace::List => "Expr.list",
            Namespace::Arr => "Expr.arr",
            Namespace::Name => "Expr.name",
            Namespace::Struct => "Expr.struct",
            Namespace::Meta => "Expr.meta",
            Namespace::Frame => "DataFrame / LazyFrame",
            Namespace::Series => "Series (a column taken from a frame)",
            Namespace::GroupBy => "GroupBy",
            Namespace::PyStr => "Python str",
            Namespace::PyList => "Python list",
            Namespace::PyDict => "Python dict",
        }
    }

    pub fn all() -> &'static [Namespace] {
        use Namespace::*;
        &[Builtins, Pl, Selectors, Math, Numpy, Itertools, Operator, Datetime, DataType, When, Expr, Str, Dt, List, Arr, Name, Struct, Meta, Frame, Series, GroupBy, PyStr, PyList, PyDict]
    }
}

/// One accepted name.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    pub namespace: Namespace,
    pub name: &'static str,
    /// Python parameter list without parentheses; `None` for a property or constant.
    pub params: Option<&'static str>,
    /// Notes and known differences from Python Polars 2.1 (empty when none).
    pub notes: &'static str,
}

const fn f(namespace: Namespace, name: &'static str, params: &'static str, notes: &'static str) -> Entry {
    Entry { namespace, name, params: Some(params), notes }
}
const fn p(namespace: Namespace, name: &'static str, notes: &'static str) -> Entry {
    Entry { namespace, name, params: None, notes }
}

use Namespace as N;

/// The single source of truth for what the language accepts.
pub static ENTRIES: &[Entry] = &[
    // builtins
    f(N::Builtins, "len", "obj", "lists, tuples, dicts, strings, frames (row count)"),
    f(N::Builtins, "range", "start, stop=None, step=1", "lazy as in Python: a loop over it counts against max_loop_iterations, a list made from it against max_list_len"),
    f(N::Builtins, "enumerate", "iterable, start=0", ""),
    f(N::Builtins, "zip", "*iterables, strict=False", "strict=True: iterables of different lengths are a ValueError, as in Python"),
    f(N::Builtins, "min", "*args", "on numbers and strings; use pl.min_horizontal for expressions"),
    f(N::Builtins, "max", "*args", "on numbers and strings; use pl.max_horizontal for expressions"),
    f(N::Builtins, "sum", "iterable, start=0", "numbers, or expressions (folded with +)"),
    f(N::Builtins, "any", "iterable", ""),
    f(N::Builtins, "all", "iterable", ""),
    f(N::Builtins, "abs", "x", "numbers or expressions"),
    f(N::Builtins, "round", "x, ndigits=None", "numbers (half to even, as Python)"),
    f(N::Builtins, "sorted", "iterable, reverse=False", "no key= (it would need a lambda)"),
    f(N::Builtins, "reversed", "seq", ""),
    f(N::Builtins, "list", "iterable=()", ""),
    f(N::Builtins, "tuple", "iterable=()", ""),
    f(N::Builtins, "dict", "iterable=(), **kwargs", ""),
    f(N::Builtins, "set", "iterable=()", "kept in first-seen order"),
    f(N::Builtins, "str", "x=''", ""),
    f(N::Builtins, "int", "x=0", ""),
    f(N::Builtins, "float", "x=0.0", "accepts 'nan', 'inf'"),
    f(N::Builtins, "bool", "x=False", ""),
    f(N::Builtins, "isinstance", "obj, classinfo", "classinfo: int, float, str, bool, list, tuple, dict or a tuple of them"),
    // pl
    f(N::Pl, "col", "*names", "a name, several names, a list of names, a regex `^…$`, or data types"),
    f(N::Pl, "lit", "value, dtype=None", "Python ints/floats stay dynamically typed as in Python"),
    f(N::Pl, "when", "*predicates", "then/when/otherwise chains; without otherwise the rest is null"),
    f(N::Pl, "len", "", "row count, UInt32"),
    f(N::Pl, "all", "*names", "all columns; with names: `pl.col(names).all()`"),
    f(N::Pl, "exclude", "*columns", ""),
    f(N::Pl, "first", "*columns", ""),
    f(N::Pl, "last", "*columns", ""),
    f(N::Pl, "count", "*columns", "pl.count() without a column was removed: use pl.len()"),
    f(N::Pl, "sum", "*columns", ""),
    f(N::Pl, "mean", "*columns", ""),
    f(N::Pl, "median", "*columns", ""),
    f(N::Pl, "min", "*columns", ""),
    f(N::Pl, "max", "*columns", ""),
    f(N::Pl, "n_unique", "*columns", ""),
    f(N::Pl, "std", "column, ddof=1", ""),
    f(N::Pl, "var", "column, ddof=1", ""),
    f(N::Pl, "corr", "a, b, *, method='pearson', propagate_nans=False, eager=False", "pearson or spearman; eager=True is refused"),
    f(N::Pl, "concat_str", "exprs, *more_exprs, separator='', ignore_nulls=False", "bare strings are column names, as in Python"),
    f(N::Pl, "format", "f_string, *args", "`{}` placeholders filled with expressions"),
    f(N::Pl, "coalesce", "exprs, *more_exprs", ""),
    f(N::Pl, "sum_horizontal", "*exprs, ignore_nulls=True", ""),
    f(N::Pl, "mean_horizontal", "*exprs, ignore_nulls=True", ""),
    f(N::Pl, "min_horizontal", "*exprs", ""),
    f(N::Pl, "max_horizontal", "*exprs", ""),
    f(N::Pl, "any_horizontal", "*exprs", ""),
    f(N::Pl, "all_horizontal", "*exprs", ""),
    f(N::Pl, "int_range", "start=0, end=None, step=1, *, dtype=Int64, eager=False", "length counted against max_rows; eager=True gives a Series (computed at once)"),
    f(N::Pl, "date_range", "start, end, interval='1d', *, closed='both', eager=False", "length counted against max_rows; eager=True gives a Series (computed at once)"),
    f(N::Pl, "date_ranges", "start, end, interval='1d', *, closed='both', eager=False", "a list of dates per row"),
    f(N::Pl, "datetime_range", "start, end, interval='1d', *, closed='both', time_unit=None, time_zone=None, eager=False", "length counted against max_rows; eager=True gives a Series (computed at once)"),
    f(N::Pl, "datetime_ranges", "start, end, interval='1d', *, closed='both', time_unit=None, time_zone=None, eager=False", "a list of datetimes per row"),
    f(N::Pl, "cov", "a, b, *, ddof=1, eager=False", "bare strings are column names; eager=True is refused"),
    f(N::Pl, "concat_list", "exprs, *more_exprs", "bare strings are column names"),
    f(N::Pl, "int_ranges", "start=0, end=None, step=1, *, dtype=Int64, eager=False", "a list of ints per row"),
    f(N::Pl, "Series", "name=None, values=None, dtype=None, *, strict=True, nan_to_null=False", "a small Series of Python values (bounded by max_list_len)"),
    f(N::Pl, "LazyFrame", "data=None, schema=None", "as pl.DataFrame (frames are lazy plans here)"),
    f(N::Pl, "Field", "name, dtype", "a field of `pl.Struct([...])`"),
    f(N::Pl, "Expr", "*args", "the expression type, for annotations and `isinstance`; not callable"),
    f(N::Pl, "business_day_count", "start, end, *, week_mask=(True, True, True, True, True, False, False), holidays=()", ""),
    f(N::Pl, "field", "name", "a field of the struct inside `struct.with_fields(...)`"),
    f(N::Pl, "repeat", "value, n, *, dtype=None", "n counted against max_rows"),
    f(N::Pl, "concat", "items, *, how='vertical', rechunk=False, parallel=True", "frames: vertical(_relaxed), diagonal(_relaxed), horizontal (one height, as Python 2.1), horizontal_extend (pads with nulls); result rows counted against max_rows"),
    f(N::Pl, "DataFrame", "data=None, schema=None", "small literal frames from a dict of lists (for lookup tables)"),
    f(N::Pl, "date", "year, month, day", "literal date"),
    f(N::Pl, "datetime", "year, month, day, hour=0, minute=0, second=0, microsecond=0", "literal datetime (us)"),
    f(N::Pl, "duration", "*, weeks=None, days=None, hours=None, minutes=None, seconds=None, milliseconds=None, microseconds=None", ""),
    f(N::Pl, "arctan2", "y, x", "bare strings are column names"),
    f(N::Pl, "struct", "*exprs, **named_exprs", "a Struct column (compare, deduplicate, read fields back)"),
    f(N::Pl, "element", "", "the values inside `pivot(aggregate_function=...)`, `list.eval`, `list.agg`, `list.filter`"),
    f(N::Pl, "fold", "acc, function, exprs, *, returns_scalar=False, return_dtype=None", "function: a lambda or def of the cell, checked feature code, interpreted once (see Checked functions)"),
    f(N::Pl, "reduce", "function, exprs, *, returns_scalar=False, return_dtype=None", "function as in pl.fold"),
    f(N::Pl, "cum_fold", "acc, function, exprs, *, returns_scalar=False, return_dtype=None, include_init=False", "a Struct named cum_fold; function as in pl.fold"),
    f(N::Pl, "cum_reduce", "function, exprs, *, returns_scalar=False, return_dtype=None", "a Struct named cum_reduce; function as in pl.fold"),
    p(N::Pl, "selectors", "the selectors module (`pl.selectors.numeric()`)"),
    // data types (attributes of pl)
    p(N::DataType, "Int8", ""), p(N::DataType, "Int16", ""), p(N::DataType, "Int32", ""), p(N::DataType, "Int64", ""),
    p(N::DataType, "UInt8", ""), p(N::DataType, "UInt16", ""), p(N::DataType, "UInt32", ""), p(N::DataType, "UInt64", ""),
    p(N::DataType, "Float32", ""), p(N::DataType, "Float64", ""), p(N::DataType, "Boolean", ""),
    p(N::DataType, "String", ""), p(N::DataType, "Utf8", "alias of String"), p(N::DataType, "Date", ""),
    p(N::DataType, "Time", ""), p(N::DataType, "Categorical", "compare as strings; physical codes are refused"),
    f(N::DataType, "Datetime", "time_unit='us', time_zone=None", ""),
    f(N::DataType, "Duration", "time_unit='us'", ""),
    f(N::DataType, "List", "inner", ""),
    f(N::DataType, "Array", "inner, shape", "shape: the width (an int)"),
    f(N::DataType, "Struct", "fields", "fields: a dict of name → data type, or a list of pl.Field(name, dtype)"),
    f(N::DataType, "is_numeric", "", ""), f(N::DataType, "is_integer", "", ""), f(N::DataType, "is_float", "", ""),
    f(N::DataType, "is_temporal", "", ""), f(N::DataType, "is_signed_integer", "", ""), f(N::DataType, "is_unsigned_integer", "", ""),
    // selectors
    f(N::Selectors, "numeric", "", ""), f(N::Selectors, "integer", "", ""), f(N::Selectors, "float", "", ""),
    f(N::Selectors, "string", "", ""), f(N::Selectors, "boolean", "", ""), f(N::Selectors, "temporal", "", ""),
    f(N::Selectors, "date", "", ""), f(N::Selectors, "datetime", "", "any time unit and zone"),
    f(N::Selectors, "categorical", "", ""), f(N::Selectors, "all", "", ""),
    f(N::Selectors, "first", "", "the first column"), f(N::Selectors, "last", "", "the last column"),
    f(N::Selectors, "as_expr", "", "a selector as an expression (method)"),
    f(N::Selectors, "by_name", "*names, require_all=True", ""),
    f(N::Selectors, "by_dtype", "*dtypes", ""),
    f(N::Selectors, "starts_with", "*prefix", ""), f(N::Selectors, "ends_with", "*suffix", ""),
    f(N::Selectors, "contains", "*substring", ""), f(N::Selectors, "matches", "pattern", ""),
    f(N::Selectors, "exclude", "columns, *more_columns", "names or selectors"),
    // math (Python numbers only)
    p(N::Math, "pi", ""), p(N::Math, "e", ""), p(N::Math, "tau", ""), p(N::Math, "inf", ""), p(N::Math, "nan", ""),
    f(N::Math, "sqrt", "x", "numbers only; use Expr.sqrt() on expressions"),
    f(N::Math, "log", "x, base=e", "numbers only; use Expr.log() on expressions"),
    f(N::Math, "log10", "x", ""), f(N::Math, "log2", "x", ""), f(N::Math, "log1p", "x", ""), f(N::Math, "exp", "x", ""),
    f(N::Math, "floor", "x", ""), f(N::Math, "ceil", "x", ""), f(N::Math, "fabs", "x", ""), f(N::Math, "pow", "x, y", ""),
    f(N::Math, "isnan", "x", ""), f(N::Math, "isfinite", "x", ""), f(N::Math, "isinf", "x", ""),
    f(N::Math, "sin", "x", ""), f(N::Math, "cos", "x", ""), f(N::Math, "tan", "x", ""), f(N::Math, "atan", "x", ""),
    f(N::Math, "tanh", "x", ""), f(N::Math, "radians", "x", ""), f(N::Math, "degrees", "x", ""),
    // numpy (constants; element-wise functions on numbers and expressions)
    p(N::Numpy, "pi", ""), p(N::Numpy, "e", ""), p(N::Numpy, "inf", ""), p(N::Numpy, "nan", ""),
    f(N::Numpy, "log", "x", "on expressions: Expr.log() (natural)"), f(N::Numpy, "log1p", "x", ""),
    f(N::Numpy, "log10", "x", ""), f(N::Numpy, "log2", "x", ""), f(N::Numpy, "exp", "x", ""),
    f(N::Numpy, "sqrt", "x", ""), f(N::Numpy, "abs", "x", ""), f(N::Numpy, "absolute", "x", ""),
    f(N::Numpy, "sign", "x", ""), f(N::Numpy, "floor", "x", ""), f(N::Numpy, "ceil", "x", ""),
    f(N::Numpy, "sin", "x", ""), f(N::Numpy, "cos", "x", ""), f(N::Numpy, "tan", "x", ""),
    f(N::Numpy, "arctan", "x", ""), f(N::Numpy, "tanh", "x", ""), f(N::Numpy, "square", "x", ""),
    f(N::Numpy, "cbrt", "x", ""), f(N::Numpy, "radians", "x", ""), f(N::Numpy, "degrees", "x", ""), f(N::Numpy, "isnan", "x", "numbers only"),
    f(N::Numpy, "arange", "start, stop=None, step=1", "ints only: a list (e.g. rolling weights), bounded by max_list_len"),
    f(N::Numpy, "iinfo", "int_type", "`.min` / `.max` of np.int8 … np.uint32, np.int64, as NumPy gives them (constants)"),
    f(N::Numpy, "finfo", "float_type", "`.min` / `.max` of np.float32 / np.float64, as NumPy gives them (constants)"),
    p(N::Numpy, "int8", "NumPy's type names (int8 … int64, uint8 … uint64, float32, float64) stand for the Polars type of the same width"),
    p(N::Numpy, "int16", ""), p(N::Numpy, "int32", ""), p(N::Numpy, "int64", ""),
    p(N::Numpy, "uint8", ""), p(N::Numpy, "uint16", ""), p(N::Numpy, "uint32", ""), p(N::Numpy, "uint64", ""),
    p(N::Numpy, "float32", ""), p(N::Numpy, "float64", ""),
    // itertools
    f(N::Itertools, "combinations", "iterable, r", "bounded by max_list_len"),
    f(N::Itertools, "permutations", "iterable, r=None", "bounded by max_list_len"),
    f(N::Itertools, "product", "*iterables, repeat=1", "bounded by max_list_len"),
    f(N::Itertools, "chain", "*iterables", ""),
    f(N::Itertools, "combinations_with_replacement", "iterable, r", "bounded by max_list_len"),
    f(N::Itertools, "from_iterable", "iterable", "`itertools.chain.from_iterable(iterables)`"),
    // operator: Python's operators as functions, on numbers and expressions (also a fold's function)
    f(N::Operator, "add", "a, b", "`a + b`"), f(N::Operator, "sub", "a, b", "`a - b`"), f(N::Operator, "mul", "a, b", "`a * b`"),
    f(N::Operator, "truediv", "a, b", "`a / b`"), f(N::Operator, "floordiv", "a, b", "`a // b`"), f(N::Operator, "mod", "a, b", "`a % b`"),
    f(N::Operator, "pow", "a, b", "`a ** b`"), f(N::Operator, "and_", "a, b", "`a & b`"), f(N::Operator, "or_", "a, b", "`a | b`"),
    f(N::Operator, "xor", "a, b", "`a ^ b`"), f(N::Operator, "eq", "a, b", "`a == b`"), f(N::Operator, "ne", "a, b", "`a != b`"),
    f(N::Operator, "lt", "a, b", "`a < b`"), f(N::Operator, "le", "a, b", "`a <= b`"), f(N::Operator, "gt", "a, b", "`a > b`"),
    f(N::Operator, "ge", "a, b", "`a >= b`"), f(N::Operator, "neg", "a", "`-a`"), f(N::Operator, "invert", "a", "`~a`"),
    f(N::Operator, "abs", "a", "`abs(a)`"),
    // pl.when(...) chains
    f(N::When, "then", "statement", "a bare string is a column name, as in Python; use pl.lit(\"…\") for text"),
    f(N::When, "when", "*predicates", "another branch, tested only where the earlier ones were false"),
    f(N::When, "otherwise", "statement", "without otherwise the rest is null"),
    // datetime (Python module): literal values only; `today()`/`now()` are not reproducible
    f(N::Datetime, "date", "year, month, day", "a Date literal"),
    f(N::Datetime, "datetime", "year, month, day, hour=0, minute=0, second=0, microsecond=0", "a Datetime('us') literal without time zone"),
    f(N::Datetime, "time", "hour=0, minute=0, second=0, microsecond=0", "a Time literal (for `dt.combine`)"),
    f(N::Datetime, "timedelta", "days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0", "a Duration('us') literal"),
    // Expr: general
    f(N::Expr, "alias", "name", ""),
    f(N::Expr, "cast", "dtype, *, strict=True", "strict by default as in Python; String→Date casts are refused (use str.to_date)"),
    f(N::Expr, "fill_null", "value=None, strategy=None, limit=None", "strings are literals; strategy: forward, backward, min, max, mean, zero, one"),
    f(N::Expr, "fill_nan", "value", ""),
    f(N::Expr, "forward_fill", "limit=None", ""), f(N::Expr, "backward_fill", "limit=None", ""),
    f(N::Expr, "is_null", "", ""), f(N::Expr, "is_not_null", "", ""), f(N::Expr, "is_nan", "", ""),
    f(N::Expr, "is_not_nan", "", ""), f(N::Expr, "is_finite", "", ""), f(N::Expr, "is_infinite", "", ""),
    f(N::Expr, "not_", "", ""), f(N::Expr, "and_", "*others", ""), f(N::Expr, "or_", "*others", ""), f(N::Expr, "xor", "other", ""),
    f(N::Expr, "eq", "other", ""), f(N::Expr, "ne", "other", ""), f(N::Expr, "lt", "other", ""), f(N::Expr, "le", "other", ""),
    f(N::Expr, "gt", "other", ""), f(N::Expr, "ge", "other", ""), f(N::Expr, "eq_missing", "other", ""), f(N::Expr, "ne_missing", "other", ""),
    f(N::Expr, "add", "other", ""), f(N::Expr, "sub", "other", ""), f(N::Expr, "mul", "other", ""),
    f(N::Expr, "truediv", "other", ""), f(N::Expr, "floordiv", "other", ""), f(N::Expr, "mod", "other", ""), f(N::Expr, "neg", "", ""),
    f(N::Expr, "abs", "", ""), f(N::Expr, "sqrt", "", ""), f(N::Expr, "cbrt", "", ""),
    f(N::Expr, "log", "base=math.e", "natural log by default (base passed explicitly to Rust)"),
    f(N::Expr, "log1p", "", ""), f(N::Expr, "log10", "", ""), f(N::Expr, "exp", "", ""), f(N::Expr, "pow", "exponent", ""),
    f(N::Expr, "round", "decimals=0", "half to even"), f(N::Expr, "floor", "", ""), f(N::Expr, "ceil", "", ""),
    f(N::Expr, "clip", "lower_bound=None, upper_bound=None", ""), f(N::Expr, "sign", "", ""),
    f(N::Expr, "sin", "", ""), f(N::Expr, "cos", "", ""), f(N::Expr, "tan", "", ""), f(N::Expr, "arctan", "", ""),
    f(N::Expr, "arcsin", "", ""), f(N::Expr, "arccos", "", ""), f(N::Expr, "sinh", "", ""), f(N::Expr, "degrees", "", ""), f(N::Expr, "radians", "", ""), f(N::Expr, "cosh", "", ""), f(N::Expr, "tanh", "", ""),
    f(N::Expr, "sum", "", ""), f(N::Expr, "mean", "", ""), f(N::Expr, "median", "", ""), f(N::Expr, "min", "", ""), f(N::Expr, "max", "", ""),
    f(N::Expr, "std", "ddof=1", ""), f(N::Expr, "var", "ddof=1", ""), f(N::Expr, "count", "", "non-null count, UInt32"),
    f(N::Expr, "len", "", "UInt32"), f(N::Expr, "n_unique", "", ""), f(N::Expr, "null_count", "", ""),
    f(N::Expr, "first", "", ""), f(N::Expr, "last", "", ""), f(N::Expr, "product", "", ""),
    f(N::Expr, "quantile", "quantile, interpolation='nearest'", "nearest, lower, higher, midpoint, linear"),
    f(N::Expr, "skew", "bias=True", ""), f(N::Expr, "kurtosis", "fisher=True, bias=True", ""),
    f(N::Expr, "arg_max", "", ""), f(N::Expr, "arg_min", "", ""), f(N::Expr, "mode", "", ""),
    f(N::Expr, "any", "ignore_nulls=True", ""), f(N::Expr, "all", "ignore_nulls=True", ""),
    f(N::Expr, "over", "partition_by=None, *more_exprs, order_by=None, descending=False, nulls_last=False, mapping_strategy='group_to_rows'", "mapping_strategy: group_to_rows, join (a list per row), explode"),
    f(N::Expr, "rolling", "index_column, *, period, offset=None, closed='right'", "windows of `period` ending at each row's time; offset defaults to -period"),
    f(N::Expr, "entropy", "base=math.e, *, normalize=True", ""),
    f(N::Expr, "dot", "other", "bare strings are column names"),
    f(N::Expr, "value_counts", "*, sort=False, parallel=False, name=None, normalize=False", "a Struct of the value and its count; without sort=True the values come in first-seen order (one of the orders Python may give)"),
    f(N::Expr, "unique_counts", "", "counts in first-seen order of the values"),
    f(N::Expr, "arg_sort", "*, descending=False, nulls_last=False", "stable"),
    f(N::Expr, "gather", "indices, *, null_on_oob=False", "indices: an int, a list of ints, or an expression"),
    f(N::Expr, "get", "index, *, null_on_oob=False", "one value by position"),
    f(N::Expr, "search_sorted", "element, side='any', *, descending=False", "a list is refused as in Python (use pl.Series([...]))"),
    f(N::Expr, "top_k_by", "by, k=5, *, reverse=False", ""), f(N::Expr, "bottom_k_by", "by, k=5, *, reverse=False", ""),
    f(N::Expr, "rle", "", "a Struct of run lengths and values"),
    f(N::Expr, "ewm_mean_by", "by, *, half_life", "half_life: a duration string or timedelta"),
    f(N::Expr, "interpolate_by", "by", ""),
    f(N::Expr, "slice", "offset, length=None", ""),
    f(N::Expr, "reinterpret", "*, signed=None, dtype=None", "between numeric types of the same size"),
    f(N::Expr, "set_sorted", "*, descending=False, nulls_last=False", "a promise that the values are sorted (not checked, as in Python)"),
    f(N::Expr, "cumulative_eval", "expr, *, min_samples=1", "`expr` (of `pl.element()`) on every expanding window, as Polars evaluates it; no Python runs"),
    f(N::Expr, "rank", "method='average', *, descending=False, seed=None", "average, min, max, dense, ordinal"),
    f(N::Expr, "shift", "n=1, *, fill_value=None", "fill_value strings are literals"),
    f(N::Expr, "diff", "n=1, null_behavior='ignore'", ""),
    f(N::Expr, "pct_change", "n=1", ""),
    f(N::Expr, "cum_sum", "*, reverse=False", ""), f(N::Expr, "cum_prod", "*, reverse=False", ""),
    f(N::Expr, "cum_min", "*, reverse=False", ""), f(N::Expr, "cum_max", "*, reverse=False", ""),
    f(N::Expr, "cum_count", "*, reverse=False", ""),
    f(N::Expr, "rolling_mean", "window_size, weights=None, *, min_samples=None, center=False", "min_samples defaults to window_size"),
    f(N::Expr, "rolling_sum", "window_size, weights=None, *, min_samples=None, center=False", ""),
    f(N::Expr, "rolling_min", "window_size, weights=None, *, min_samples=None, center=False", ""),
    f(N::Expr, "rolling_max", "window_size, weights=None, *, min_samples=None, center=False", ""),
    f(N::Expr, "rolling_median", "window_size, weights=None, *, min_samples=None, center=False", ""),
    f(N::Expr, "rolling_std", "window_size, weights=None, *, min_samples=None, center=False, ddof=1", ""),
    f(N::Expr, "rolling_var", "window_size, weights=None, *, min_samples=None, center=False, ddof=1", ""),
    f(N::Expr, "rolling_mean_by", "by, window_size, *, min_samples=1, closed='right'", ""),
    f(N::Expr, "rolling_sum_by", "by, window_size, *, min_samples=1, closed='right'", ""),
    f(N::Expr, "rolling_min_by", "by, window_size, *, min_samples=1, closed='right'", ""),
    f(N::Expr, "rolling_max_by", "by, window_size, *, min_samples=1, closed='right'", ""),
    f(N::Expr, "rolling_median_by", "by, window_size, *, min_samples=1, closed='right'", ""),
    f(N::Expr, "rolling_std_by", "by, window_size, *, min_samples=1, closed='right', ddof=1", ""),
    f(N::Expr, "rolling_var_by", "by, window_size, *, min_samples=1, closed='right', ddof=1", ""),
    f(N::Expr, "ewm_mean", "*, com=None, span=None, half_life=None, alpha=None, adjust=True, min_samples=1, ignore_nulls=False", "ignore_nulls defaults to False as in Python"),
    f(N::Expr, "ewm_std", "*, com=None, span=None, half_life=None, alpha=None, adjust=True, bias=False, min_samples=1, ignore_nulls=False", ""),
    f(N::Expr, "ewm_var", "*, com=None, span=None, half_life=None, alpha=None, adjust=True, bias=False, min_samples=1, ignore_nulls=False", ""),
    f(N::Expr, "cut", "breaks, *, labels=None, left_closed=False, include_breaks=False", "Categorical result; deprecated in Python 2.1 (compare as strings)"),
    f(N::Expr, "qcut", "quantiles, *, labels=None, left_closed=False, allow_duplicates=False, include_breaks=False", "Categorical result"),
    f(N::Expr, "is_in", "other, *, nulls_equal=False", "a list literal, or an expression"),
    f(N::Expr, "is_between", "lower_bound, upper_bound, closed='both'", ""),
    f(N::Expr, "replace", "old, new=None, *, default=None, return_dtype=None", "a dict or two lists; strings are literals"),
    f(N::Expr, "replace_strict", "old, new=None, *, default=None, return_dtype=None", "unmapped values are an error unless `default` is given (`default=None` maps them to null)"),
    f(N::Expr, "is_duplicated", "", ""), f(N::Expr, "is_unique", "", ""), f(N::Expr, "is_first_distinct", "", ""),
    f(N::Expr, "is_last_distinct", "", ""),
    f(N::Expr, "unique", "*, maintain_order=False", "always in first-seen order"),
    f(N::Expr, "drop_nulls", "", ""), f(N::Expr, "drop_nans", "", ""),
    f(N::Expr, "sort", "*, descending=False, nulls_last=False", ""),
    f(N::Expr, "sort_by", "by, *more_by, descending=False, nulls_last=False", ""),
    f(N::Expr, "reverse", "", ""), f(N::Expr, "head", "n=10", "n: an int or an expression"), f(N::Expr, "tail", "n=10", "n: an int or an expression"),
    f(N::Expr, "filter", "*predicates", ""),
    f(N::Expr, "interpolate", "method='linear'", "linear or nearest"),
    f(N::Expr, "top_k", "k=5", ""), f(N::Expr, "bottom_k", "k=5", ""),
    f(N::Expr, "rle_id", "", ""),
    f(N::Expr, "exclude", "columns, *more_columns", ""),
    f(N::Expr, "explode", "*, empty_as_null=False, keep_nulls=True", "gives no more rows than the list elements it reads (frame-level `explode` is counted against max_rows); empty lists give no row, as in Python 2.1"),
    f(N::Expr, "implode", "", ""),
    f(N::Expr, "pipe", "function, *args, **kwargs", "function: a lambda or def of the cell, called once with the expression"),
    f(N::Expr, "item", "", "Series only: the single value"),
    p(N::Expr, "str", "string functions"), p(N::Expr, "dt", "date/time functions"),
    p(N::Expr, "list", "list functions"), p(N::Expr, "arr", "fixed-width array functions"), p(N::Expr, "name", "output-name functions"),
    p(N::Expr, "struct", "struct fields"),
    p(N::Expr, "meta", "facts about the expression itself"),
    // Expr.str
    f(N::Str, "len_chars", "", ""), f(N::Str, "len_bytes", "", ""),
    f(N::Str, "to_lowercase", "", ""), f(N::Str, "to_uppercase", "", ""),
    f(N::Str, "to_titlecase", "", "as Python Polars 2.1: after every non-letter a word starts (Unicode titlecase), the rest is lowercase"),
    f(N::Str, "contains_any", "patterns, *, ascii_case_insensitive=False", "a list of literal patterns (a bare string is a column name, as in Python)"),
    f(N::Str, "replace_many", "patterns, replace_with=None, *, ascii_case_insensitive=False, leftmost=False", "a dict, or lists of patterns and replacements"),
    f(N::Str, "extract_many", "patterns, *, ascii_case_insensitive=False, overlapping=False, leftmost=False", ""),
    f(N::Str, "find_many", "patterns, *, ascii_case_insensitive=False, overlapping=False, leftmost=False", ""),
    f(N::Str, "splitn", "by, n", "a Struct of fields field_0 … field_{n-1}"),
    f(N::Str, "split_exact", "by, n, *, inclusive=False", "a Struct of fields field_0 … field_n"),
    f(N::Str, "extract_groups", "pattern", "a Struct of the capture groups"),
    f(N::Str, "reverse", "", ""),
    f(N::Str, "to_integer", "*, base=10, dtype=Int64, strict=True", "base 10 only (other bases need a Rust Polars feature this build lacks)"),
    f(N::Str, "json_decode", "dtype", "the dtype is required, as in Python 2.1"),
    f(N::Str, "json_path_match", "json_path", ""),
    f(N::Str, "to_time", "format=None, *, strict=True", ""),
    f(N::Str, "contains", "pattern, *, literal=False, strict=True", ""),
    f(N::Str, "starts_with", "prefix", ""), f(N::Str, "ends_with", "suffix", ""),
    f(N::Str, "replace", "pattern, value, *, literal=False, n=1", ""),
    f(N::Str, "replace_all", "pattern, value, *, literal=False", ""),
    f(N::Str, "strip_chars", "characters=None", ""), f(N::Str, "strip_chars_start", "characters=None", ""),
    f(N::Str, "strip_chars_end", "characters=None", ""),
    f(N::Str, "strip_prefix", "prefix", ""), f(N::Str, "strip_suffix", "suffix", ""),
    f(N::Str, "slice", "offset, length=None", "bare strings are column names"), f(N::Str, "head", "n", "bare strings are column names"), f(N::Str, "tail", "n", "bare strings are column names"),
    f(N::Str, "split", "by, *, inclusive=False, literal=True, strict=True", "List[String]; literal=False splits on a regex"),
    f(N::Str, "extract", "pattern, group_index=1", ""), f(N::Str, "extract_all", "pattern", ""),
    f(N::Str, "count_matches", "pattern, *, literal=False", ""),
    f(N::Str, "find", "pattern, *, literal=False, strict=True", ""),
    f(N::Str, "zfill", "length", ""),
    f(N::Str, "pad_start", "length, fill_char=' '", "length counted against max_rows (as characters)"),
    f(N::Str, "pad_end", "length, fill_char=' '", "length counted against max_rows (as characters)"),
    f(N::Str, "to_date", "format=None, *, strict=True, exact=True", ""),
    f(N::Str, "to_datetime", "format=None, *, time_unit=None, strict=True, exact=True", ""),
    f(N::Str, "strptime", "dtype, format=None, *, strict=True, exact=True", ""),
    f(N::Str, "join", "delimiter='', *, ignore_nulls=True", ""),
    // Expr.dt
    f(N::Dt, "year", "", ""), f(N::Dt, "month", "", ""), f(N::Dt, "day", "", ""), f(N::Dt, "hour", "", ""),
    f(N::Dt, "minute", "", ""), f(N::Dt, "second", "", ""), f(N::Dt, "millisecond", "", ""),
    f(N::Dt, "microsecond", "", ""),
    f(N::Dt, "weekday", "", "ISO: Monday=1, Int8"), f(N::Dt, "week", "", ""), f(N::Dt, "ordinal_day", "", ""),
    f(N::Dt, "quarter", "", ""), f(N::Dt, "iso_year", "", ""), f(N::Dt, "is_leap_year", "", ""),
    f(N::Dt, "days_in_month", "", ""),
    f(N::Dt, "date", "", ""), f(N::Dt, "time", "", ""),
    f(N::Dt, "truncate", "every", ""), f(N::Dt, "round", "every", ""),
    f(N::Dt, "month_start", "", ""), f(N::Dt, "month_end", "", ""), f(N::Dt, "offset_by", "by", ""),
    f(N::Dt, "strftime", "format", ""), f(N::Dt, "to_string", "format=None", ""),
    f(N::Dt, "replace_time_zone", "time_zone, *, ambiguous='raise', non_existent='raise'", "ambiguous: raise, earliest, latest, null; non_existent: raise, null"),
    f(N::Dt, "convert_time_zone", "time_zone", ""),
    f(N::Dt, "epoch", "time_unit='us'", "s, ms, us, ns, d"),
    f(N::Dt, "timestamp", "time_unit='us'", ""),
    f(N::Dt, "total_days", "*, fractional=False", ""), f(N::Dt, "total_hours", "*, fractional=False", ""),
    f(N::Dt, "total_minutes", "*, fractional=False", ""), f(N::Dt, "total_seconds", "*, fractional=False", ""),
    f(N::Dt, "total_milliseconds", "*, fractional=False", ""),
    f(N::Dt, "combine", "time, time_unit='us'", "a datetime from a date and a time (`datetime.time(...)` or a Time column)"),
    f(N::Dt, "add_business_days", "n, *, week_mask=(True, True, True, True, True, False, False), holidays=(), roll='raise'", "holidays: a list of dates"),
    f(N::Dt, "is_business_day", "*, week_mask=(True, True, True, True, True, False, False), holidays=()", ""),
    // Expr.list
    f(N::List, "len", "", ""), f(N::List, "first", "", ""), f(N::List, "last", "", ""),
    f(N::List, "get", "index, *, null_on_oob=False", ""), f(N::List, "sum", "", ""), f(N::List, "mean", "", ""),
    f(N::List, "min", "", ""), f(N::List, "max", "", ""), f(N::List, "join", "separator, *, ignore_nulls=True", ""),
    f(N::List, "contains", "item, *, nulls_equal=True", ""),
    f(N::List, "slice", "offset, length=None", ""), f(N::List, "head", "n=5", ""), f(N::List, "tail", "n=5", ""),
    f(N::List, "gather", "indices, *, null_on_oob=False", "indices: a list of ints, or a List column"),
    f(N::List, "gather_every", "n, offset=0", ""),
    f(N::List, "median", "", ""), f(N::List, "std", "ddof=1", ""), f(N::List, "var", "ddof=1", ""),
    f(N::List, "arg_min", "", ""), f(N::List, "arg_max", "", ""), f(N::List, "n_unique", "", ""),
    f(N::List, "any", "*, ignore_nulls=True", ""), f(N::List, "all", "*, ignore_nulls=True", ""),
    f(N::List, "sort", "*, descending=False, nulls_last=False", ""),
    f(N::List, "unique", "*, maintain_order=False", "always in first-seen order (one of the orders Python may give without maintain_order=True)"),
    f(N::List, "reverse", "", ""), f(N::List, "drop_nulls", "", ""),
    f(N::List, "diff", "n=1, null_behavior='ignore'", ""), f(N::List, "shift", "n=1", ""),
    f(N::List, "count_matches", "element", "strings are literals"),
    f(N::List, "concat", "other", "other lists or columns appended to each list"),
    f(N::List, "set_union", "other", "a list literal or a List column"), f(N::List, "set_difference", "other", ""),
    f(N::List, "set_intersection", "other", ""), f(N::List, "set_symmetric_difference", "other", ""),
    f(N::List, "to_struct", "fields", "fields: a list of names (required in Python 2.1)"),
    f(N::List, "filter", "predicate", "a predicate on `pl.element()`"),
    f(N::List, "agg", "expr", "an aggregation of `pl.element()` per list"),
    f(N::List, "eval", "expr, *, parallel=False", "runs an expression of `pl.element()` on each list, inside the engine"),
    f(N::List, "explode", "*, empty_as_null=False, keep_nulls=True", ""),
    f(N::List, "item", "*, allow_empty=False", "the single value of each list"),
    f(N::List, "to_array", "width", "an Array column of lists of `width` values"),
    // Expr.arr (fixed-width Array columns)
    f(N::Arr, "eval", "expr, *, as_list=False", "runs an expression of `pl.element()` on each array, inside the engine"),
    f(N::Arr, "agg", "expr", "an aggregation of `pl.element()` per array"),
    f(N::Arr, "len", "", ""), f(N::Arr, "sum", "", ""), f(N::Arr, "min", "", ""), f(N::Arr, "max", "", ""),
    f(N::Arr, "join", "separator, *, ignore_nulls=True", ""), f(N::Arr, "contains", "item, *, nulls_equal=True", ""),
    f(N::Arr, "sort", "*, descending=False, nulls_last=False", ""),
    // Expr.struct
    f(N::Struct, "field", "name, *more_names", ""),
    f(N::Struct, "rename_fields", "names", ""),
    f(N::Struct, "json_encode", "", ""),
    f(N::Struct, "unnest", "", "every field as its own column"),
    f(N::Struct, "with_fields", "*exprs, **named_exprs", "new or replaced fields; `pl.field(\"x\")` reads a field"),
    // Expr.meta
    f(N::Meta, "output_name", "", "a str"), f(N::Meta, "root_names", "", "a list of str"),
    // Expr.name
    f(N::Name, "suffix", "suffix", ""), f(N::Name, "prefix", "prefix", ""), f(N::Name, "keep", "", ""),
    f(N::Name, "to_lowercase", "", ""), f(N::Name, "to_uppercase", "", ""),
    f(N::Name, "map", "function", "`function` is an argument-free method of `str` (`str.upper`, `str.lower`, `str.title`, `str.capitalize`, `str.strip`, `str.lstrip`, `str.rstrip`), applied to each name"),
    // frames
    f(N::Frame, "with_columns", "*exprs, **named_exprs", ""),
    f(N::Frame, "select", "*exprs, **named_exprs", ""),
    f(N::Frame, "filter", "*predicates, **constraints", "a null predicate drops the row"),
    f(N::Frame, "drop", "*columns, strict=True", ""),
    f(N::Frame, "rename", "mapping, *, strict=True", "a dict old → new, or a lambda/def of the cell from old name to new name"),
    f(N::Frame, "sort", "by, *more_by, descending=False, nulls_last=False, maintain_order=False", "stable"),
    f(N::Frame, "unique", "subset=None, *, keep='any', maintain_order=False", "keeps the first row of each key, in order"),
    f(N::Frame, "drop_nulls", "subset=None", ""),
    f(N::Frame, "fill_null", "value=None, strategy=None, limit=None, *, matches_supertype=True", "a value fills only columns whose type it fits, as in Python"),
    f(N::Frame, "fill_nan", "value", ""),
    f(N::Frame, "join", "other, on=None, how='inner', *, left_on=None, right_on=None, suffix='_right', validate='m:m', nulls_equal=False, coalesce=None, maintain_order=None", "row order of the left frame is kept; cross joins are counted against max_rows"),
    f(N::Frame, "join_asof", "other, *, left_on=None, right_on=None, on=None, by_left=None, by_right=None, by=None, strategy='backward', suffix='_right', tolerance=None, coalesce=True, allow_exact_matches=True, check_sortedness=True", "backward, forward, nearest; both frames must be sorted by the key"),
    f(N::Frame, "pivot", "on, on_columns=None, *, index=None, values=None, aggregate_function=None, maintain_order=True, sort_columns=False, separator='_', column_naming='auto'", "collects the distinct `on` values when on_columns is not given"),
    f(N::Frame, "group_by", "*by, maintain_order=False, **named_by", "groups come out in first-seen order"),
    f(N::Frame, "rolling", "index_column, *, period, offset=None, closed='right', group_by=None", "one window per row, of `period` ending at the row's time; offset defaults to -period; `.agg(...)` as group_by"),
    f(N::Frame, "group_by_dynamic", "index_column, *, every, period=None, offset=None, include_boundaries=False, closed='left', label='left', group_by=None, start_by='window'", ""),
    f(N::Frame, "to_dummies", "columns=None, *, separator='_', drop_first=False, drop_nulls=False", "collects the frame"),
    f(N::Frame, "with_row_index", "name='index', offset=0", ""),
    f(N::Frame, "head", "n=5", ""), f(N::Frame, "tail", "n=5", ""), f(N::Frame, "limit", "n=5", ""),
    f(N::Frame, "slice", "offset, length=None", ""),
    f(N::Frame, "pipe", "function, *args, **kwargs", "function: a lambda or def of the cell, called once with the frame (see Checked functions)"),
    f(N::Frame, "lazy", "", "no-op"), f(N::Frame, "collect", "", "no-op: the plan is collected once after the cell"),
    f(N::Frame, "clone", "", ""),
    f(N::Frame, "cast", "dtypes, *, strict=True", "a dict name → dtype, or one dtype"),
    f(N::Frame, "explode", "columns, *more_columns, empty_as_null=False, keep_nulls=True", "rows counted against max_rows; empty lists give no row, as in Python 2.1"),
    f(N::Frame, "unpivot", "on=None, *, index=None, variable_name=None, value_name=None", "rows of each `on` column in turn, as Python gives them"),
    f(N::Frame, "unnest", "columns=None, *more_columns, separator=None", "without columns: every Struct column"),
    f(N::Frame, "upsample", "time_column, *, every, group_by=None, maintain_order=False", "collects the frame; groups in first-seen order; rows counted against max_rows"),
    f(N::Frame, "set_sorted", "column, *, descending=False, nulls_last=False", "a promise that the column is sorted (not checked, as in Python)"),
    f(N::Frame, "row", "index=None, *, by_predicate=None, named=False", "collects one row: a tuple, or a dict with named=True"),
    f(N::Frame, "get_columns", "", "the columns as Series"),
    f(N::Frame, "vstack", "other, *, in_place=False", "same column names and types; in_place=True is refused"),
    f(N::Frame, "extend", "other", "as vstack"),
    f(N::Frame, "hstack", "columns, *, in_place=False", "a frame or a list of Series"),
    f(N::Frame, "describe", "percentiles=(0.25, 0.5, 0.75), *, interpolation='nearest'", "collects one row of statistics; temporal columns are refused"),
    f(N::Frame, "transpose", "*, include_header=False, header_name='column', column_names=None", "collects the frame; its rows (bounded by max_list_len) become columns"),
    f(N::Frame, "interpolate", "", "linear, every column (integers become Float64, as in Python)"),
    f(N::Frame, "is_unique", "", "a Series: whether each row occurs once"),
    f(N::Frame, "is_duplicated", "", "a Series: whether each row occurs more than once"),
    f(N::Frame, "partition_by", "by, *more_by, maintain_order=True, include_key=True, as_dict=False", "collects the keys (bounded by max_list_len); parts in first-seen order"),
    f(N::Frame, "join_where", "other, *predicates, how='inner', suffix='_right'", "pairs counted against max_rows as a cross join; row order open as in Python"),
    f(N::Frame, "item", "row=None, column=None", "collects: the single value of a 1x1 frame"),
    f(N::Frame, "get_column", "name", ""),
    f(N::Frame, "to_dicts", "", "collects; rows counted against max_list_len"),
    f(N::Frame, "to_series", "index=0", ""),
    f(N::Frame, "mean", "", ""), f(N::Frame, "sum", "", ""), f(N::Frame, "min", "", ""), f(N::Frame, "max", "", ""),
    f(N::Frame, "median", "", ""), f(N::Frame, "null_count", "", ""),
    f(N::Frame, "std", "ddof=1", ""), f(N::Frame, "var", "ddof=1", ""),
    p(N::Frame, "height", "collects the row count"), p(N::Frame, "width", ""), p(N::Frame, "columns", ""),
    p(N::Frame, "schema", "a dict-like of name → dtype"), p(N::Frame, "dtypes", ""), p(N::Frame, "shape", "collects the row count"),
    f(N::Frame, "collect_schema", "", ""),
    // Series (a column of a frame)
    f(N::Series, "to_list", "", "collects"), p(N::Series, "dtype", ""),
    f(N::Series, "value_counts", "*, sort=False, parallel=False, name=None, normalize=False", "a frame"),
    f(N::Series, "to_frame", "name=None", ""), f(N::Series, "shrink_dtype", "", "reads the column's extrema"),
    // GroupBy
    f(N::GroupBy, "agg", "*aggs, **named_aggs", ""),
    f(N::GroupBy, "len", "name=None", ""), f(N::GroupBy, "count", "", "removed: use len()"),
    f(N::GroupBy, "mean", "", ""), f(N::GroupBy, "sum", "", ""), f(N::GroupBy, "min", "", ""), f(N::GroupBy, "max", "", ""),
    f(N::GroupBy, "median", "", ""), f(N::GroupBy, "head", "n=5", ""), f(N::GroupBy, "tail", "n=5", ""), f(N::GroupBy, "first", "", ""), f(N::GroupBy, "last", "", ""), f(N::GroupBy, "n_unique", "", ""),
    // Python values
    f(N::PyStr, "lower", "", ""), f(N::PyStr, "upper", "", ""), f(N::PyStr, "strip", "chars=None", ""),
    f(N::PyStr, "lstrip", "chars=None", ""), f(N::PyStr, "rstrip", "chars=None", ""),
    f(N::PyStr, "startswith", "prefix", ""), f(N::PyStr, "endswith", "suffix", ""),
    f(N::PyStr, "replace", "old, new, count=-1", ""), f(N::PyStr, "split", "sep=None, maxsplit=-1", ""),
    f(N::PyStr, "join", "iterable", ""), f(N::PyStr, "title", "", ""), f(N::PyStr, "capitalize", "", ""),
    f(N::PyStr, "format", "*args, **kwargs", "on a string literal with plain fields (`{}`, `{0}`, `{name}`, format specs); no attribute or index access"),
    f(N::PyStr, "isdigit", "", ""), f(N::PyStr, "removeprefix", "prefix", ""), f(N::PyStr, "removesuffix", "suffix", ""),
    f(N::PyList, "append", "value", ""), f(N::PyList, "extend", "iterable", ""), f(N::PyList, "insert", "index, value", ""),
    f(N::PyList, "pop", "index=-1", ""), f(N::PyList, "remove", "value", ""), f(N::PyList, "index", "value", ""),
    f(N::PyList, "copy", "", ""), f(N::PyList, "sort", "reverse=False", ""),
    f(N::PyDict, "items", "", ""), f(N::PyDict, "keys", "", ""), f(N::PyDict, "values", "", ""),
    f(N::PyDict, "get", "key, default=None", ""), f(N::PyDict, "update", "other=(), **kwargs", ""),
    f(N::PyDict, "names", "", "on schemas (`df.schema`, `collect_schema()`): the column names"),
    f(N::PyDict, "dtypes", "", "on schemas: the data types"), f(N::PyDict, "len", "", "on schemas: the number of columns"),
];

/// Names removed from Python Polars (or renamed) with the spelling that replaced them.
pub static REMOVED: &[(&str, &str)] = &[
    ("groupby", "group_by"),
    ("cumfold", "pl.cum_fold"),
    ("cumreduce", "pl.cum_reduce"),
    ("agg_groups", "df.with_row_index().group_by(...).agg(pl.col('index'))"),
    ("groupby_dynamic", "group_by_dynamic"),
    ("groupby_rolling", "rolling"),
    ("with_column", "with_columns"),
    ("with_row_count", "with_row_index"),
    ("cumsum", "cum_sum"),
    ("cumprod", "cum_prod"),
    ("cummin", "cum_min"),
    ("cummax", "cum_max"),
    ("cumcount", "cum_count"),
    ("map_dict", "replace_strict (or replace)"),
    ("lengths", "str.len_bytes() or str.len_chars()"),
    ("n_chars", "str.len_chars()"),
    ("count_match", "str.count_matches"),
    ("strip", "str.strip_chars"),
    ("lstrip", "str.strip_chars_start"),
    ("rstrip", "str.strip_chars_end"),
    ("take", "gather"),
    ("clip_min", "clip(lower_bound=…)"),
    ("clip_max", "clip(upper_bound=…)"),
    ("keep_name", "name.keep()"),
    ("suffix", "name.suffix(…)"),
    ("prefix", "name.prefix(…)"),
    ("map_alias", "name.suffix/prefix"),
    ("is_first", "is_first_distinct"),
    ("shift_and_fill", "shift(n, fill_value=…)"),
    ("melt", "unpivot"),
    ("days", "dt.total_days()"),
    ("hours", "dt.total_hours()"),
    ("minutes", "dt.total_minutes()"),
    ("seconds", "dt.total_seconds()"),
    ("milliseconds", "dt.total_milliseconds()"),
    ("frame_equal", "equals"),
    ("apply_rows", "an expression"),
];

/// Keyword arguments removed from Python Polars, with their new spelling.
pub static REMOVED_KEYWORDS: &[(&str, &str)] = &[
    ("min_periods", "min_samples"),
    ("by", "partition_by / the positional argument"),
    ("reverse", "descending"),
    ("join_nulls", "nulls_equal"),
    ("columns", "on (or the positional argument)"),
];

/// Attribute names refused for a reason other than "not on the list".
pub enum Refusal {
    PythonUdf,
    InputOutput,
    Sql,
    StringFormatting,
    LeavesPolars,
    Random,
    /// Gives other values in Rust Polars 0.55 than in Python Polars 2.1 (hashes).
    DiffersFromPython,
}

/// Why a (method or module) attribute name is refused outright, if it is.
pub fn refused_attribute(name: &str) -> Option<Refusal> {
    const UDF: &[&str] = &[
        "map_elements", "map_batches", "map_groups", "map_rows", "map", "apply", "rolling_map",
        "register_plugin_function", "plugins", "map_many", "map_fields",
    ];
    const SQL: &[&str] = &["sql", "sql_expr", "SQLContext"];
    const FORMAT: &[&str] = &["format_map"];
    const LEAVES: &[&str] = &[
        "to_pandas", "to_numpy", "to_arrow", "to_dict", "rows", "iter_rows", "iter_columns",
        "to_torch", "to_jax", "serialize", "deserialize", "collect_async", "show_graph", "profile",
        "Config", "to_physical", "to_init_repr", "glimpse", "show", "plot", "style",
        "thread_pool_size", "threadpool_size", "Object", "set_random_seed", "explain",
    ];
    const RANDOM: &[&str] = &["sample", "shuffle"];
    // Hash values: Rust Polars 0.55 and Python Polars 2.1 compute other ones for the same seed.
    const DIFFERS: &[&str] = &["hash", "hash_rows"];
    if UDF.contains(&name) {
        return Some(Refusal::PythonUdf);
    }
    if SQL.contains(&name) {
        return Some(Refusal::Sql);
    }
    if FORMAT.contains(&name) {
        return Some(Refusal::StringFormatting);
    }
    if LEAVES.contains(&name) {
        return Some(Refusal::LeavesPolars);
    }
    if RANDOM.contains(&name) {
        return Some(Refusal::Random);
    }
    if DIFFERS.contains(&name) {
        return Some(Refusal::DiffersFromPython);
    }
    let io_prefixes = ["read_", "scan_", "write_", "sink_", "from_"];
    if io_prefixes.iter().any(|prefix| name.starts_with(prefix)) && name != "from_iterable" {
        return Some(Refusal::InputOutput);
    }
    None
}

/// Builtins that reach the Python interpreter or the system.
pub static FORBIDDEN_BUILTINS: &[&str] = &[
    "eval", "exec", "open", "getattr", "setattr", "delattr", "hasattr", "globals", "locals", "vars",
    "compile", "__import__", "input", "breakpoint", "help", "dir", "type", "object", "super", "memoryview",
    "exit", "quit", "id", "callable", "classmethod", "staticmethod", "property", "format", "repr", "ascii",
    "chr", "ord", "bytes", "bytearray", "iter", "next", "map", "filter", "issubclass", "os", "sys", "subprocess",
    "__builtins__", "importlib", "pickle", "print",
];

/// Exception classes a cell may `raise` (the cell then stops with that error and its message).
pub static RAISABLE_EXCEPTIONS: &[&str] = &[
    "ValueError", "TypeError", "KeyError", "IndexError", "RuntimeError", "NotImplementedError", "Exception", "AssertionError", "ArithmeticError", "LookupError",
];

/// `typing`: may be imported, but its names may only annotate (annotations are ignored), so the
/// import binds nothing.
pub const ANNOTATIONS_ONLY: &str = "typing";

/// Modules that may be imported, with the name they are bound to by default.
pub static IMPORTABLE: &[(&str, &str)] = &[
    ("polars", "pl"),
    ("polars.selectors", "cs"),
    ("math", "math"),
    ("numpy", "np"),
    ("itertools", "itertools"),
    ("operator", "operator"),
    ("datetime", "datetime"),
];

struct Index {
    by_key: HashMap<(Namespace, &'static str), &'static Entry>,
    names: BTreeSet<&'static str>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut by_key = HashMap::new();
        let mut names = BTreeSet::new();
        for entry in ENTRIES {
            by_key.insert((entry.namespace, entry.name), entry);
            names.insert(entry.name);
        }
        Index { by_key, names }
    })
}

/// The entry for `name` in `namespace`.
pub fn lookup(namespace: Namespace, name: &str) -> Option<&'static Entry> {
    index().by_key.get(&(namespace, name)).copied()
}

/// The namespaces that accept `name` (for hints when it is used on another kind of value).
pub fn namespaces_of(name: &str) -> Vec<Namespace> {
    ENTRIES.iter().filter(|entry| entry.name == name).map(|entry| entry.namespace).collect()
}

/// Whether any namespace accepts `name` as an attribute.
pub fn is_known_attribute(name: &str) -> bool {
    index().names.contains(name)
}

/// The closest accepted name in `namespace` (or anywhere), for hints.
pub fn nearest(name: &str, namespace: Option<Namespace>) -> Option<&'static str> {
    let candidates = ENTRIES.iter().filter(|entry| namespace.is_none_or(|ns| entry.namespace == ns));
    let mut best: Option<(f64, &'static str)> = None;
    for entry in candidates {
        let score = strsim::jaro_winkler(name, entry.name);
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, entry.name));
        }
    }
    best.filter(|(score, _)| *score >= 0.8).map(|(_, n)| n)
}

/// What a removed name is now called.
pub fn removed_replacement(name: &str) -> Option<&'static str> {
    REMOVED.iter().find(|(old, _)| *old == name).map(|(_, new)| *new)
}

/// A parsed parameter of a signature.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub name: &'static str,
    pub has_default: bool,
    pub keyword_only: bool,
    pub kind: ParamKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamKind {
    Normal,
    VarPositional,
    VarKeyword,
}

/// The parameters of an entry, parsed once from its Python signature text.
pub fn params_of(entry: &'static Entry) -> &'static [Param] {
    static PARSED: OnceLock<HashMap<(Namespace, &'static str), Vec<Param>>> = OnceLock::new();
    let parsed = PARSED.get_or_init(|| {
        ENTRIES
            .iter()
            .map(|entry| ((entry.namespace, entry.name), parse_params(entry.params.unwrap_or(""))))
            .collect()
    });
    parsed.get(&(entry.namespace, entry.name)).map(Vec::as_slice).unwrap_or(&[])
}

fn parse_params(text: &'static str) -> Vec<Param> {
    let mut out = Vec::new();
    let mut keyword_only = false;
    for raw in split_top_level(text) {
        let raw = raw.trim();
        if raw.is_empty() {
            continue;
        }
        if raw == "*" {
            keyword_only = true;
            continue;
        }
        if let Some(name) = raw.strip_prefix("**") {
            out.push(Param { name, has_default: true, keyword_only: true, kind: ParamKind::VarKeyword });
            continue;
        }
        if let Some(name) = raw.strip_prefix('*') {
            keyword_only = true;
            out.push(Param { name, has_default: true, keyword_only: false, kind: ParamKind::VarPositional });
            continue;
        }
        let (name, has_default) = match raw.split_once('=') {
            Some((name, _)) => (name.trim(), true),
            None => (raw, false),
        };
        out.push(Param { name, has_default, keyword_only, kind: ParamKind::Normal });
    }
    out
}

fn split_top_level(text: &'static str) -> Vec<&'static str> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '\'' | '"' => quote = Some(c),
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(&text[start..i]);
                    start = i + 1;
                }
                _ => {}
            },
        }
    }
    parts.push(&text[start..]);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_has_a_parseable_unique_signature() {
        let mut seen = std::collections::HashSet::new();
        for entry in ENTRIES {
            assert!(seen.insert((entry.namespace, entry.name)), "duplicate entry {:?} {}", entry.namespace, entry.name);
            for param in params_of(entry) {
                assert!(!param.name.is_empty() && !param.name.contains(' '), "bad param in {}", entry.name);
            }
        }
    }

    #[test]
    fn keyword_only_marker_is_understood() {
        let entry = lookup(Namespace::Expr, "rolling_mean").unwrap();
        let params = params_of(entry);
        let min_samples = params.iter().find(|p| p.name == "min_samples").unwrap();
        assert!(min_samples.keyword_only && min_samples.has_default);
        assert!(!params[0].has_default && params[0].name == "window_size");
    }
}
