// Runtime values of the feature language: Python scalars and containers, Polars expressions,
// selectors, data types, frames, group-by builders, user functions and module objects.

use std::cell::RefCell;
use std::rc::Rc;

use polars::prelude::*;

use super::failure::{Fail, Result};
use crate::diagnostics::Code;
use crate::parse::ast;

/// A frame value: a lazy plan plus an identity used to match `df["x"]` with its frame.
///
/// In a fitted replay a frame derived from `df` has two sides: `lf` is the step run on the new
/// data, `fit` the same step on the data it was fitted on (see `fitted`). Python values taken
/// from the frame (scalars, lists, `height`) come from the fit side.
#[derive(Clone)]
pub(crate) struct Frame {
    pub lf: LazyFrame,
    pub fit: Option<LazyFrame>,
    pub id: u64,
}

impl Frame {
    /// The plan Python values are taken from: the fit side when there is one.
    pub fn data(&self) -> &LazyFrame {
        self.fit.as_ref().unwrap_or(&self.lf)
    }
}

/// A column taken from a frame (`df["x"]`): Python's Series, kept lazy.
#[derive(Clone)]
pub(crate) struct Column {
    pub frame: Frame,
    pub expr: Expr,
    /// Combined with expressions such as `pl.col("a")` (`pl.col("a") + df["x"]`): in Python that
    /// is an expression whose names resolve in the frame it is used with, not a Series of data.
    pub with_expressions: bool,
}

impl Column {
    /// A Series of the frame's data.
    pub fn of(frame: Frame, expr: Expr) -> Column {
        Column { frame, expr, with_expressions: false }
    }
}

/// `df.group_by(...)` or `df.group_by_dynamic(...)` before `.agg(...)`. Groups always come
/// out in first-seen order (what Python gives with `maintain_order=True`).
#[derive(Clone)]
pub(crate) struct GroupBy {
    pub frame: Frame,
    pub keys: Vec<Expr>,
    pub dynamic: Option<(Expr, DynamicGroupOptions)>,
    /// `df.rolling(index_column, period=…)`: one window per row.
    pub rolling: Option<(Expr, RollingGroupOptions)>,
}

/// `pl.when(...).then(...)` chains.
#[derive(Clone)]
pub(crate) struct WhenChain {
    pub branches: Vec<(Expr, Option<Expr>)>,
}

impl WhenChain {
    /// The expression of a complete chain, with `otherwise` (null when absent).
    pub fn finish(&self, otherwise: Expr) -> Result<Expr> {
        let mut out = otherwise;
        for (condition, then) in self.branches.iter().rev() {
            let Some(then) = then else {
                return Err(Fail::new(Code::TypeError, "`pl.when(...)` needs `.then(...)` before it can be used"));
            };
            out = when(condition.clone()).then(then.clone()).otherwise(out);
        }
        Ok(out)
    }
}

/// Module objects bound by imports (and pre-bound).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Module {
    Polars,
    Selectors,
    Math,
    Numpy,
    Itertools,
    Operator,
    Datetime,
}

/// Expression namespaces (`.str`, `.dt`, `.list`, `.name`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ExprNamespace {
    Str,
    Dt,
    List,
    Arr,
    Name,
    Struct,
    Meta,
}

/// A user `def`, or a `lambda` (as a `def` whose body returns its expression).
pub(crate) struct UserFunction {
    pub def: ast::StmtFunctionDef,
    pub defaults: Vec<(String, Value)>,
    /// The local names a lambda or nested `def` made inside a helper sees (a copy taken when it was made).
    pub closure: std::collections::HashMap<String, Value>,
}

/// Insertion-ordered dictionary (keys compared with Python equality).
#[derive(Clone, Default)]
pub(crate) struct Dict {
    pub entries: Vec<(Value, Value)>,
}

impl Dict {
    pub fn get(&self, key: &Value) -> Option<&Value> {
        self.entries.iter().find(|(k, _)| k.py_eq(key)).map(|(_, v)| v)
    }
    pub fn insert(&mut self, key: Value, value: Value) {
        if let Some(slot) = self.entries.iter_mut().find(|(k, _)| k.py_eq(&key)) {
            slot.1 = value;
        } else {
            self.entries.push((key, value));
        }
    }
}

#[derive(Clone)]
pub(crate) enum Value {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Rc<str>),
    /// Other scalars taken from frames (dates, datetimes, durations).
    Scalar(Scalar),
    List(Rc<RefCell<Vec<Value>>>),
    Tuple(Rc<Vec<Value>>),
    Dict(Rc<RefCell<Dict>>),
    Expr(Expr),
    Selector(Selector),
    When(WhenChain),
    DType(DataType),
    Frame(Frame),
    Column(Column),
    GroupBy(Box<GroupBy>),
    Namespace(Box<Value>, ExprNamespace),
    Function(Rc<UserFunction>),
    Module(Module),
    Builtin(&'static str),
    /// `pl.date`, `pl.col`, … taken without calling them.
    ModuleFunction(Module, &'static str),
    /// A method taken by `getattr(object, "name")` and not yet called: calling it calls
    /// `object.name(...)`, through the same allowlist as written-out code.
    Method(Rc<(Value, String)>),
    /// A read-only object with named attributes (`np.iinfo(np.int8)`): its type name and fields.
    /// A class of `@staticmethod` helpers is a record of its functions.
    Record(&'static str, Rc<Vec<(String, Value)>>),
}

impl Value {
    pub fn str(text: impl AsRef<str>) -> Value {
        Value::Str(Rc::from(text.as_ref()))
    }
    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(items)))
    }
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::new(items))
    }
    pub fn dict(dict: Dict) -> Value {
        Value::Dict(Rc::new(RefCell::new(dict)))
    }

    /// Python's type name, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::None => "None",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Float(_) => "float",
            Value::Str(_) => "str",
            Value::Scalar(_) => "scalar",
            Value::List(_) => "list",
            Value::Tuple(_) => "tuple",
            Value::Dict(_) => "dict",
            Value::Expr(_) | Value::When(_) => "Expr",
            Value::Selector(_) => "Selector",
            Value::DType(_) => "DataType",
            Value::Frame(_) => "DataFrame",
            Value::Column(_) => "Series",
            Value::GroupBy(_) => "GroupBy",
            Value::Namespace(_, ns) => match ns {
                ExprNamespace::Str => "Expr.str",
                ExprNamespace::Dt => "Expr.dt",
                ExprNamespace::List => "Expr.list",
                ExprNamespace::Arr => "Expr.arr",
                ExprNamespace::Name => "Expr.name",
                ExprNamespace::Struct => "Expr.struct",
                ExprNamespace::Meta => "Expr.meta",
            },
            Value::Function(_) => "function",
            Value::Module(_) => "module",
            Value::Builtin(_) | Value::ModuleFunction(..) => "builtin function",
            Value::Method(_) => "method",
            Value::Record(type_name, _) => type_name,
        }
    }

    /// Items of a list or tuple (a copy).
    pub fn sequence_items(&self) -> Option<Vec<Value>> {
        match self {
            Value::List(items) => Some(items.borrow().clone()),
            Value::Tuple(items) => Some(items.as_ref().clone()),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(*i as f64),
            Value::Float(f) => Some(*f),
            Value::Bool(b) => Some(*b as i64 as f64),
            _ => None,
        }
    }

    pub fn is_expression_like(&self) -> bool {
        matches!(self, Value::Expr(_) | Value::Column(_) | Value::Selector(_) | Value::When(_))
    }

    /// Python `==` on plain values (expressions never reach here).
    pub fn py_eq(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) => true,
            (Value::Str(a), Value::Str(b)) => a == b,
            (Value::List(a), Value::List(b)) => seq_eq(&a.borrow(), &b.borrow()),
            (Value::Tuple(a), Value::Tuple(b)) => seq_eq(a, b),
            (Value::DType(a), Value::DType(b)) => dtype_matches(a, b),
            (Value::Dict(a), Value::Dict(b)) => {
                let (a, b) = (a.borrow(), b.borrow());
                a.entries.len() == b.entries.len()
                    && a.entries.iter().all(|(k, v)| b.get(k).is_some_and(|w| w.py_eq(v)))
            }
            (Value::Scalar(a), Value::Scalar(b)) => a == b,
            (Value::Module(a), Value::Module(b)) => a == b,
            _ => match (self.as_f64(), other.as_f64()) {
                (Some(a), Some(b)) if !matches!(self, Value::Str(_)) => a == b,
                _ => false,
            },
        }
    }
}

fn seq_eq(a: &[Value], b: &[Value]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.py_eq(y))
}

/// Python Polars compares `pl.Datetime == pl.Datetime("ms")` as equal (class vs instance).
pub(crate) fn dtype_matches(a: &DataType, b: &DataType) -> bool {
    match (a, b) {
        // The interpreter does not tell the class `pl.Datetime` from an instance.
        (DataType::Datetime(..), DataType::Datetime(..)) => true,
        (DataType::Duration(_), DataType::Duration(_)) => true,
        (DataType::List(x), DataType::List(y)) => x == y || matches!(**x, DataType::Null) || matches!(**y, DataType::Null),
        (DataType::Categorical(..), DataType::Categorical(..)) => true,
        (DataType::Struct(x), DataType::Struct(y)) => x.is_empty() || y.is_empty() || x == y,
        _ => a == b,
    }
}
