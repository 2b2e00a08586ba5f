// Expression namespaces on expressions and on columns taken from frames: the dispatch to `.str`,
// `.list` and `.struct` (their own modules), and the `.dt` and `.name` methods.

use polars::prelude::*;

use super::args::{Bound, CallArgs};
use super::conversions::{dyn_int, StrAs};
use super::failure::{Fail, Result};
use super::module_pl::{time_unit, time_zone};
use super::values::{Column, ExprNamespace, Value};
use super::Interpreter;
use crate::allowlist::Namespace;
use crate::diagnostics::Code;

impl Interpreter<'_, '_> {
    pub fn namespace_method(&mut self, base: Value, ns: ExprNamespace, name: &str, args: CallArgs) -> Result<Value> {
        let reads_expressions = args.positional.iter().chain(args.keywords.iter().map(|(_, v)| v)).any(|v| matches!(v, Value::Expr(_) | Value::When(_) | Value::Selector(_)));
        let (expr, frame, with_expressions) = match base {
            Value::Column(c) => (c.expr, Some(c.frame), c.with_expressions || reads_expressions),
            other => (self.to_expr(other, StrAs::Column)?, None, false),
        };
        if ns == ExprNamespace::Meta {
            return self.meta_method(expr, name, args);
        }
        let out = match ns {
            ExprNamespace::Str => self.str_method_expr(expr, name, args)?,
            ExprNamespace::Dt => self.dt_method(expr, name, args)?,
            ExprNamespace::List => self.list_method(expr, name, args)?,
            ExprNamespace::Arr => self.arr_method(expr, name, args)?,
            ExprNamespace::Name => self.name_method(expr, name, args)?,
            ExprNamespace::Struct => self.struct_method(expr, name, args)?,
            ExprNamespace::Meta => unreachable!("answered above"),
        };
        Ok(match frame {
            Some(frame) => Value::Column(Column { frame, expr: out, with_expressions }),
            None => Value::Expr(out),
        })
    }

    /// An argument where Python reads a bare string as a literal.
    pub(super) fn literal(&mut self, a: &Bound, name: &str) -> Result<Expr> {
        let v = a.required(name)?.clone();
        self.to_expr(v, StrAs::Literal)
    }

    fn dt_method(&mut self, e: Expr, name: &str, args: CallArgs) -> Result<Expr> {
        let a = args.bind(Namespace::Dt, name)?;
        let d = e.clone().dt();
        Ok(match name {
            "year" => d.year(),
            "month" => d.month(),
            "day" => d.day(),
            "hour" => d.hour(),
            "minute" => d.minute(),
            "second" => d.second(),
            "millisecond" => d.millisecond(),
            "microsecond" => d.microsecond(),
            "weekday" => d.weekday(),
            "week" => d.week(),
            "ordinal_day" => d.ordinal_day(),
            "quarter" => d.quarter(),
            "iso_year" => d.iso_year(),
            "is_leap_year" => d.is_leap_year(),
            "days_in_month" => d.days_in_month(),
            "date" => d.date(),
            "time" => d.time(),
            "truncate" | "round" => {
                let every = self.literal(&a, "every")?;
                if name == "truncate" { d.truncate(every) } else { d.round(every) }
            }
            "month_start" => d.month_start(),
            "month_end" => d.month_end(),
            "offset_by" => d.offset_by(self.literal(&a, "by")?),
            "strftime" => d.strftime(&a.string("format", "")?),
            "to_string" => match a.opt_string("format")? {
                Some(f) => d.to_string(&f),
                None => d.to_string("iso"),
            },
            "replace_time_zone" => {
                let ambiguous = a.choice("ambiguous", "raise", &["raise", "earliest", "latest", "null"])?;
                let non_existent = match a.choice("non_existent", "raise", &["raise", "null"])?.as_str() {
                    "null" => NonExistent::Null,
                    _ => NonExistent::Raise,
                };
                let zone = match a.opt_string("time_zone")? {
                    Some(z) => Some(time_zone(&z)?),
                    None => None,
                };
                d.replace_time_zone(zone, lit(ambiguous), non_existent)
            }
            "convert_time_zone" => d.convert_time_zone(time_zone(&a.string("time_zone", "")?)?),
            "epoch" => match a.string("time_unit", "us")?.as_str() {
                "s" => d.timestamp(TimeUnit::Milliseconds).floor_div(dyn_int(1000)),
                "d" => e.strict_cast(DataType::Date).strict_cast(DataType::Int32),
                other => d.timestamp(time_unit(other)?),
            },
            "timestamp" => d.timestamp(time_unit(&a.string("time_unit", "us")?)?),
            "total_days" => d.total_days(a.bool("fractional", false)?),
            "total_hours" => d.total_hours(a.bool("fractional", false)?),
            "total_minutes" => d.total_minutes(a.bool("fractional", false)?),
            "total_seconds" => d.total_seconds(a.bool("fractional", false)?),
            "total_milliseconds" => d.total_milliseconds(a.bool("fractional", false)?),
            "combine" => self.combine_date_time(e, &a)?,
            "add_business_days" | "is_business_day" => self.business_days(e, name, &a)?,
            _ => return Err(super::expressions::not_available(name, "Expr.dt", Some(Namespace::Dt))),
        })
    }

    /// `expr.meta.output_name()` and `root_names()`: Python values about the expression.
    fn meta_method(&mut self, e: Expr, name: &str, args: CallArgs) -> Result<Value> {
        args.bind(Namespace::Meta, name)?;
        match name {
            "output_name" => Ok(Value::str(polars_plan::utils::expr_output_name(&e).map_err(super::failure::Fail::from)?.as_str())),
            "root_names" => Ok(Value::list(polars_plan::utils::expr_to_leaf_column_names(&e).iter().map(|n| Value::str(n.as_str())).collect())),
            _ => Err(super::expressions::not_available(name, "Expr.meta", Some(Namespace::Meta))),
        }
    }

    fn name_method(&mut self, e: Expr, name: &str, args: CallArgs) -> Result<Expr> {
        let a = args.bind(Namespace::Name, name)?;
        let n = e.name();
        Ok(match name {
            "suffix" => n.suffix(&a.string("suffix", "")?),
            "prefix" => n.prefix(&a.string("prefix", "")?),
            "keep" => n.keep(),
            "to_lowercase" => n.to_lowercase(),
            "to_uppercase" => n.to_uppercase(),
            "map" => {
                let method = match a.required("function")? {
                    Value::Method(method) if matches!(method.0, Value::Builtin("str")) && super::python_methods::str_name_method(&method.1, "").is_some() => method.1.clone(),
                    other => {
                        return Err(Fail::new(Code::PythonUdf, format!("`name.map` with a {} runs Python code on each column name", other.type_name()))
                            .hint("pass an argument-free `str` method such as `str.upper`, or use `name.prefix`/`name.suffix`/`name.to_uppercase`"))
                    }
                };
                n.map(PlanCallback::new(move |column: PlSmallStr| {
                    Ok(PlSmallStr::from_string(super::python_methods::str_name_method(&method, &column).unwrap_or_default()))
                }))
            }
            _ => return Err(super::expressions::not_available(name, "Expr.name", Some(Namespace::Name))),
        })
    }
}
