// Checked functions: a `lambda` or `def` of the cell given to Polars where it takes a function of
// expressions or frames (`pl.fold`/`reduce`/`cum_fold`/`cum_reduce`, also with an `operator`
// function, `DataFrame.pipe`, `Expr.pipe`).
//!
//! `pipe(f, *args, **kwargs)` simply calls `f` once with the frame (or expression): its body is
//! feature code like the rest of the cell. A fold's function is interpreted once, with its two
//! parameters bound to placeholder columns, into one expression; Rust Polars' own
//! `fold_exprs` (the machinery Python Polars' `pl.fold` runs on) evaluates that expression on
//! each pair of Series, so dtypes, casts and nulls follow Python exactly. No Python runs.

use std::collections::HashMap;
use std::rc::Rc;

use polars::lazy::dsl::{cum_fold_exprs, cum_reduce_exprs, fold_exprs, reduce_exprs};
use polars::prelude::*;
use polars_plan::dsl::DataTypeExpr;

use super::args::{Bound, CallArgs};
use super::conversions::StrAs;
use super::failure::{Fail, Result};
use super::module_pl::dtype_of;
use super::values::{Module, UserFunction, Value};
use super::Interpreter;
use crate::allowlist::Namespace;
use crate::diagnostics::Code;
use crate::parse::ast;

/// The column names a fold function's two parameters stand for while its body is interpreted.
const ACC: &str = "__fe_fold_acc";
const ITEM: &str = "__fe_fold_item";

const UDF_HINT: &str = "use an expression such as `pl.when(cond).then(a).otherwise(b)`, arithmetic, or the str/dt namespaces";

impl Interpreter<'_, '_> {
    /// `lambda params: body` as a function value (a `def` whose body returns `body`). Inside a
    /// helper it sees the helper's local names as they are when the lambda is made.
    pub fn lambda_value(&mut self, lambda: &ast::ExprLambda) -> Result<Value> {
        let mut defaults = Vec::new();
        let args = &lambda.args;
        for arg in args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs) {
            if let Some(default) = &arg.default {
                defaults.push((arg.def.arg.to_string(), self.eval(default)?));
            }
        }
        let body = ast::Stmt::Return(ast::StmtReturn { range: lambda.range, value: Some(lambda.body.clone()) });
        let def = ast::StmtFunctionDef {
            range: lambda.range,
            name: ast::Identifier::new("<lambda>"),
            args: lambda.args.clone(),
            body: vec![body],
            decorator_list: Vec::new(),
            returns: None,
            type_comment: None,
            type_params: Vec::new(),
        };
        let closure: HashMap<String, Value> = self.locals.last().cloned().unwrap_or_default();
        Ok(Value::Function(Rc::new(UserFunction { def, defaults, closure })))
    }

    /// `frame.pipe(function, *args, **kwargs)` and `expr.pipe(...)`: `function(frame, *args,
    /// **kwargs)`, where `function` is a `def` or `lambda` of the cell.
    pub fn pipe(&mut self, object: Value, args: CallArgs) -> Result<Value> {
        let namespace = if matches!(object, Value::Frame(_)) { Namespace::Frame } else { Namespace::Expr };
        let mut a = args.bind(namespace, "pipe")?;
        let function = cell_function(&a, "pipe")?;
        let mut positional = vec![object];
        positional.append(&mut a.rest);
        let call = CallArgs { positional, keywords: std::mem::take(&mut a.kwargs) };
        self.call_value(Value::Function(function), call)
    }

    /// `pl.fold`, `pl.reduce`, `pl.cum_fold`, `pl.cum_reduce`.
    pub fn horizontal_fold(&mut self, name: &'static str, a: &Bound) -> Result<Expr> {
        let function = fold_function(a, name)?;
        let body = self.fold_body(name, function)?;
        let exprs = match a.required("exprs")?.clone() {
            list @ (Value::List(_) | Value::Tuple(_)) => self.exprs_from(vec![list], StrAs::Column)?,
            single => vec![self.to_expr(single, StrAs::Column)?],
        };
        let returns_scalar = a.bool("returns_scalar", false)?;
        let return_dtype = a.get("return_dtype").map(dtype_of).transpose()?.map(DataTypeExpr::Literal);
        let callback = PlanCallback::new(move |(acc, item): (Series, Series)| apply_body(&body, acc, item));
        Ok(match name {
            "fold" => {
                let acc = self.to_expr(a.required("acc")?.clone(), StrAs::Literal)?;
                fold_exprs(acc, callback, exprs, returns_scalar, return_dtype)
            }
            "reduce" => reduce_exprs(callback, exprs, returns_scalar, return_dtype),
            "cum_fold" => {
                let acc = self.to_expr(a.required("acc")?.clone(), StrAs::Literal)?;
                cum_fold_exprs(acc, callback, exprs, returns_scalar, return_dtype, a.bool("include_init", false)?).alias("cum_fold")
            }
            _ => cum_reduce_exprs(callback, exprs, returns_scalar, return_dtype).alias("cum_reduce"),
        })
    }

    /// Interpret a fold's function once, its parameters standing for the accumulated and the
    /// next Series. Python Polars calls it with Series and needs a Series back: a body that
    /// builds an expression (`pl.when`, `pl.col`, `pl.lit`, selectors), reads other data, or
    /// does anything but Series operators and methods on its arguments is refused.
    fn fold_body(&mut self, name: &str, function: Value) -> Result<Expr> {
        let refuse = |detail: String| {
            Fail::new(Code::PythonUdf, format!("`{name}` with this function runs Python code per batch and is not allowed: {detail}")).hint(UDF_HINT)
        };
        let polars_calls = self.polars_calls;
        let args = CallArgs { positional: vec![Value::Expr(col(ACC)), Value::Expr(col(ITEM))], keywords: Vec::new() };
        let result = self.call_value(function, args).map_err(|f| refuse(f.message))?;
        if self.polars_calls != polars_calls {
            return Err(refuse(
                "its body calls a `pl.`/`cs.` function, which makes an expression where Python Polars passes and expects Series (Python fails there)".into(),
            ));
        }
        let body = match result {
            Value::Expr(e) => e,
            other => return Err(refuse(format!("it returns a {} where Python Polars needs a Series computed from its two arguments", other.type_name()))),
        };
        for leaf in polars_plan::utils::expr_to_leaf_column_names(&body) {
            if leaf.as_str() != ACC && leaf.as_str() != ITEM {
                return Err(refuse(format!("its body reads `{leaf}`, not only its two arguments; pass every input in `exprs`")));
            }
        }
        // In a fitted replay statistics are learned on the fit data; one inside a fold's
        // function has no fitted form.
        if self.fitted && (&body).into_iter().any(|e| matches!(e, Expr::Agg(_) | Expr::Len | Expr::Over { .. } | Expr::Rolling { .. })) {
            return Err(super::fitted::not_fittable(format!("the function given to `{name}` computes a statistic of its arguments, which has no fitted form"))
                .hint("use operators on the arguments only, or replay with --recompute"));
        }
        Ok(body)
    }
}

/// The function argument of `pipe`/`fold`: a `def` or `lambda` of the cell.
fn cell_function(a: &Bound, name: &str) -> Result<Rc<UserFunction>> {
    match a.required("function")? {
        Value::Function(function) => Ok(function.clone()),
        other => Err(Fail::new(Code::PythonUdf, format!("`{name}` needs a function defined in the cell (`def` or `lambda`); a {} there runs Python code that is not feature code", other.type_name()))
            .hint("define the step as `def step(df): return df.with_columns(...)` and pass `step`")),
    }
}

/// A fold's function: a `def` or `lambda` of the cell, or an `operator` function (`operator.add`).
fn fold_function(a: &Bound, name: &str) -> Result<Value> {
    match a.required("function")? {
        operator @ Value::ModuleFunction(Module::Operator, _) => Ok(operator.clone()),
        _ => cell_function(a, name).map(Value::Function),
    }
}

/// One step of a fold: the interpreted body on the two Series, computed as Python's Series
/// arithmetic does (each argument a Series literal: a length-1 Series broadcasts, an aggregation
/// of one argument is one value, the result keeps its left operand's name).
fn apply_body(body: &Expr, acc: Series, item: Series) -> PolarsResult<Series> {
    let with_arguments = body.clone().map_expr(|e| match e {
        Expr::Column(name) if name.as_str() == ACC => lit(acc.clone()),
        Expr::Column(name) if name.as_str() == ITEM => lit(item.clone()),
        other => other,
    });
    let out = DataFrame::empty().lazy().select([with_arguments]).collect()?;
    Ok(out.columns()[0].as_materialized_series().clone())
}
