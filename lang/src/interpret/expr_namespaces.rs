// Expression namespaces: `.str` (every argument is a literal, as in Python), `.dt`, `.list`
// and `.name`, on expressions and on columns taken from frames.

use polars::prelude::*;

use super::args::{Bound, CallArgs};
use super::conversions::{dyn_int, null_lit, StrAs};
use super::failure::{Fail, Result};
use super::module_pl::{dtype_of, time_unit, time_zone};
use super::values::{Column, ExprNamespace, Value};
use super::Interpreter;
use crate::allowlist::Namespace;
use crate::diagnostics::Code;

impl Interpreter<'_, '_> {
    pub fn namespace_method(&mut self, base: Value, ns: ExprNamespace, name: &str, args: CallArgs) -> Result<Value> {
        let (expr, frame) = match base {
            Value::Column(c) => (c.expr, Some(c.frame)),
            other => (self.to_expr(other, StrAs::Column)?, None),
        };
        let out = match ns {
            ExprNamespace::Str => self.str_method_expr(expr, name, args)?,
            ExprNamespace::Dt => self.dt_method(expr, name, args)?,
            ExprNamespace::List => self.list_method(expr, name, args)?,
            ExprNamespace::Name => self.name_method(expr, name, args)?,
            ExprNamespace::Struct => self.struct_method(expr, name, args)?,
        };
        Ok(match frame {
            Some(frame) => Value::Column(Column { frame, expr: out }),
            None => Value::Expr(out),
        })
    }

    fn literal(&mut self, a: &Bound, name: &str) -> Result<Expr> {
        let v = a.required(name)?.clone();
        self.to_expr(v, StrAs::Literal)
    }

    fn pad_length(&mut self, a: &Bound) -> Result<Expr> {
        let length = a.required("length")?.clone();
        if let Value::Int(n) = length {
            let cap = (self.limits.max_rows / 1000).max(1);
            if n as u64 > cap {
                return Err(Fail::new(Code::RowBudget, format!("a pad length of {n} characters is over the budget of {cap} (max_rows / 1000)"))
                    .hint("pad to a small width such as 10"));
            }
        }
        self.to_expr(length, StrAs::Column)
    }

    fn str_method_expr(&mut self, e: Expr, name: &str, args: CallArgs) -> Result<Expr> {
        let a = args.bind(Namespace::Str, name)?;
        let s = e.str();
        Ok(match name {
            "len_chars" => s.len_chars(),
            "len_bytes" => s.len_bytes(),
            "to_lowercase" => s.to_lowercase(),
            "to_uppercase" => s.to_uppercase(),
            "contains" => {
                let pat = self.literal(&a, "pattern")?;
                if a.bool("literal", false)? { s.contains_literal(pat) } else { s.contains(pat, a.bool("strict", true)?) }
            }
            "starts_with" => s.starts_with(self.literal(&a, "prefix")?),
            "ends_with" => s.ends_with(self.literal(&a, "suffix")?),
            "replace" => {
                let pat = self.literal(&a, "pattern")?;
                let value = self.literal(&a, "value")?;
                let literal = a.bool("literal", false)?;
                let n = a.int("n", 1)?;
                if n == 1 { s.replace(pat, value, literal) } else { s.replace_n(pat, value, literal, n) }
            }
            "replace_all" => {
                let pat = self.literal(&a, "pattern")?;
                let value = self.literal(&a, "value")?;
                s.replace_all(pat, value, a.bool("literal", false)?)
            }
            "strip_chars" | "strip_chars_start" | "strip_chars_end" => {
                let chars = match a.get("characters").cloned() {
                    Some(v) => self.to_expr(v, StrAs::Literal)?,
                    None => null_lit(),
                };
                match name {
                    "strip_chars" => s.strip_chars(chars),
                    "strip_chars_start" => s.strip_chars_start(chars),
                    _ => s.strip_chars_end(chars),
                }
            }
            "strip_prefix" => s.strip_prefix(self.literal(&a, "prefix")?),
            "strip_suffix" => s.strip_suffix(self.literal(&a, "suffix")?),
            "slice" => {
                let offset = self.literal(&a, "offset")?;
                let length = match a.get("length").cloned() {
                    Some(v) => self.to_expr(v, StrAs::Literal)?,
                    None => null_lit(),
                };
                s.slice(offset, length)
            }
            "head" => s.head(self.literal(&a, "n")?),
            "tail" => s.tail(self.literal(&a, "n")?),
            "split" => {
                let by = self.literal(&a, "by")?;
                if a.bool("inclusive", false)? { s.split_inclusive(by) } else { s.split(by) }
            }
            "extract" => {
                let pat = self.literal(&a, "pattern")?;
                s.extract(pat, a.int("group_index", 1)?.max(0) as usize)
            }
            "extract_all" => s.extract_all(self.literal(&a, "pattern")?),
            "count_matches" => {
                let pat = self.literal(&a, "pattern")?;
                s.count_matches(pat, a.bool("literal", false)?)
            }
            "find" => {
                let pat = self.literal(&a, "pattern")?;
                if a.bool("literal", false)? { s.find_literal(pat) } else { s.find(pat, a.bool("strict", true)?) }
            }
            "zfill" => {
                let length = self.pad_length(&a)?;
                s.zfill(length)
            }
            "pad_start" | "pad_end" => {
                let length = self.pad_length(&a)?;
                let fill = a.string("fill_char", " ")?;
                let mut chars = fill.chars();
                let (Some(c), None) = (chars.next(), chars.next()) else {
                    return Err(Fail::value_error("fill_char must be one character"));
                };
                if name == "pad_start" { s.pad_start(length, c) } else { s.pad_end(length, c) }
            }
            "to_date" => s.to_date(strptime_options(&a)?),
            "to_datetime" => {
                let tu = match a.opt_string("time_unit")? {
                    Some(t) => Some(time_unit(&t)?),
                    None => None,
                };
                s.to_datetime(tu, None, strptime_options(&a)?, lit("raise"))
            }
            "strptime" => {
                let dtype = dtype_of(a.required("dtype")?)?;
                let options = strptime_options(&a)?;
                match dtype {
                    DataType::Date => s.to_date(options),
                    DataType::Datetime(tu, tz) => s.to_datetime(Some(tu), tz, options, lit("raise")),
                    DataType::Time => s.to_time(options),
                    other => return Err(Fail::type_error(format!("strptime() needs Date, Datetime or Time, not {other}"))),
                }
            }
            "join" => s.join(&a.string("delimiter", "")?, a.bool("ignore_nulls", true)?),
            _ => return Err(super::expressions::not_available(name, "Expr.str", Some(Namespace::Str))),
        })
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
                a.choice("ambiguous", "raise", &["raise"])?;
                a.choice("non_existent", "raise", &["raise"])?;
                let zone = match a.opt_string("time_zone")? {
                    Some(z) => Some(time_zone(&z)?),
                    None => None,
                };
                d.replace_time_zone(zone, lit("raise"), NonExistent::Raise)
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
            _ => return Err(super::expressions::not_available(name, "Expr.dt", Some(Namespace::Dt))),
        })
    }

    fn list_method(&mut self, e: Expr, name: &str, args: CallArgs) -> Result<Expr> {
        let a = args.bind(Namespace::List, name)?;
        let l = e.list();
        Ok(match name {
            "len" => l.len(),
            "first" => l.first(),
            "last" => l.last(),
            "get" => {
                let index = self.to_expr(a.required("index")?.clone(), StrAs::Column)?;
                l.get(index, a.bool("null_on_oob", false)?)
            }
            "sum" => l.sum(),
            "mean" => l.mean(),
            "min" => l.min(),
            "max" => l.max(),
            "slice" => {
                let offset = self.to_expr(a.required("offset")?.clone(), StrAs::Literal)?;
                let length = match a.get("length").cloned() {
                    Some(v) => self.to_expr(v, StrAs::Literal)?,
                    None => null_lit(),
                };
                l.slice(offset, length)
            }
            "head" => l.head(dyn_int(a.int("n", 5)?)),
            "tail" => l.tail(dyn_int(a.int("n", 5)?)),
            "join" => {
                let separator = self.literal(&a, "separator")?;
                l.join(separator, a.bool("ignore_nulls", true)?)
            }
            "contains" => {
                let item = self.literal(&a, "item")?;
                l.contains(item, a.bool("nulls_equal", true)?)
            }
            _ => return Err(super::expressions::not_available(name, "Expr.list", Some(Namespace::List))),
        })
    }

    fn struct_method(&mut self, e: Expr, name: &str, args: CallArgs) -> Result<Expr> {
        let mut a = args.bind(Namespace::Struct, name)?;
        match name {
            "field" => {
                let names = self.names_from(a.first_and_rest("name"))?;
                let s = e.struct_();
                Ok(if names.len() == 1 { s.field_by_name(&names[0]) } else { s.field_by_names(names) })
            }
            _ => Err(super::expressions::not_available(name, "Expr.struct", Some(Namespace::Struct))),
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
            _ => return Err(super::expressions::not_available(name, "Expr.name", Some(Namespace::Name))),
        })
    }
}

fn strptime_options(a: &Bound) -> Result<StrptimeOptions> {
    Ok(StrptimeOptions {
        format: a.opt_string("format")?.map(PlSmallStr::from),
        strict: a.bool("strict", true)?,
        exact: a.bool("exact", true)?,
        cache: true,
    })
}
