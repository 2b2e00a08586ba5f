// The `.str` namespace of expressions. Where Python Polars reads a bare string as a literal
// (patterns, prefixes, separators) or as a column name (lengths, offsets, `contains_any`'s
// patterns), each argument follows Python's rule (`parse_into_expression(..., str_as_lit=)`).

use polars::prelude::*;

use super::args::{Bound, CallArgs};
use super::conversions::{list_literal, null_lit, StrAs};
use super::failure::{Fail, Result};
use super::module_pl::{dtype_of, time_unit};
use super::values::Value;
use super::Interpreter;
use crate::allowlist::Namespace;
use crate::diagnostics::Code;

impl Interpreter<'_, '_> {
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

    /// An argument where Python reads a bare string as a column name.
    fn column_or_value(&mut self, a: &Bound, name: &str) -> Result<Expr> {
        let v = a.required(name)?.clone();
        self.to_expr(v, StrAs::Column)
    }

    /// Patterns for `contains_any`, `replace_many`, …: a list is one list literal (as Python's
    /// `pl.lit([...])`), a bare string a column name.
    fn patterns(&mut self, value: Value) -> Result<Expr> {
        match value {
            Value::List(_) | Value::Tuple(_) => list_literal(&value.sequence_items().unwrap_or_default()),
            other => self.to_expr(other, StrAs::Column),
        }
    }

    pub fn str_method_expr(&mut self, e: Expr, name: &str, args: CallArgs) -> Result<Expr> {
        let a = args.bind(Namespace::Str, name)?;
        let s = e.clone().str();
        Ok(match name {
            "len_chars" => s.len_chars(),
            "len_bytes" => s.len_bytes(),
            "to_lowercase" => s.to_lowercase(),
            "to_uppercase" => s.to_uppercase(),
            "to_titlecase" => super::titlecase::to_titlecase(e),
            "contains" => {
                let pat = self.literal(&a, "pattern")?;
                if a.bool("literal", false)? { s.contains_literal(pat) } else { s.contains(pat, a.bool("strict", true)?) }
            }
            "contains_any" => {
                let patterns = self.patterns(a.required("patterns")?.clone())?;
                s.contains_any(patterns, a.bool("ascii_case_insensitive", false)?)
            }
            "replace_many" => {
                let (patterns, replace_with) = match (a.required("patterns")?.clone(), a.get("replace_with").cloned()) {
                    (Value::Dict(mapping), None) => {
                        let mapping = mapping.borrow();
                        if mapping.entries.is_empty() {
                            return Ok(e);
                        }
                        let keys: Vec<Value> = mapping.entries.iter().map(|(k, _)| k.clone()).collect();
                        let values: Vec<Value> = mapping.entries.iter().map(|(_, v)| v.clone()).collect();
                        (list_literal(&keys)?, list_literal(&values)?)
                    }
                    (_, None) => return Err(Fail::type_error("replace_many() needs `replace_with` when `patterns` is not a dict")),
                    (patterns, Some(with)) => {
                        if matches!(with, Value::Str(_)) && patterns.sequence_items().is_some() {
                            return Err(Fail::type_error("replace_many(): one replacement string for a list of patterns is refused by Python Polars 2.1")
                                .hint("give a list with one replacement per pattern, or a dict pattern → replacement"));
                        }
                        let with = match with {
                            Value::List(_) | Value::Tuple(_) => list_literal(&with.sequence_items().unwrap_or_default())?,
                            other => self.to_expr(other, StrAs::Literal)?,
                        };
                        (self.patterns(patterns)?, with)
                    }
                };
                s.replace_many(patterns, replace_with, a.bool("ascii_case_insensitive", false)?, a.bool("leftmost", false)?)
            }
            "extract_many" | "find_many" => {
                let patterns = self.patterns(a.required("patterns")?.clone())?;
                let (insensitive, overlapping, leftmost) =
                    (a.bool("ascii_case_insensitive", false)?, a.bool("overlapping", false)?, a.bool("leftmost", false)?);
                if name == "extract_many" {
                    s.extract_many(patterns, insensitive, overlapping, leftmost)
                } else {
                    s.find_many(patterns, insensitive, overlapping, leftmost)
                }
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
                let offset = self.column_or_value(&a, "offset")?;
                let length = match a.get("length").cloned() {
                    Some(v) => self.to_expr(v, StrAs::Column)?,
                    None => null_lit(),
                };
                s.slice(offset, length)
            }
            "head" => s.head(self.column_or_value(&a, "n")?),
            "tail" => s.tail(self.column_or_value(&a, "n")?),
            "split" => {
                let by = self.literal(&a, "by")?;
                let inclusive = a.bool("inclusive", false)?;
                if a.bool("literal", true)? {
                    if inclusive { s.split_inclusive(by) } else { s.split(by) }
                } else {
                    let strict = a.bool("strict", true)?;
                    if inclusive { s.split_regex_inclusive(by, strict) } else { s.split_regex(by, strict) }
                }
            }
            "split_exact" | "splitn" => {
                let by = self.literal(&a, "by")?;
                let n = a.int("n", 0)?;
                let n = usize::try_from(n).map_err(|_| Fail::value_error(format!("{name}(): n must be 0 or more, not {n}")))?;
                match name {
                    "splitn" => s.splitn(by, n),
                    _ if a.bool("inclusive", false)? => s.split_exact_inclusive(by, n),
                    _ => s.split_exact(by, n),
                }
            }
            "extract" => {
                let pat = self.literal(&a, "pattern")?;
                s.extract(pat, a.int("group_index", 1)?.max(0) as usize)
            }
            "extract_all" => s.extract_all(self.literal(&a, "pattern")?),
            "extract_groups" => s.extract_groups(&a.string("pattern", "")?).map_err(Fail::from)?,
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
            "reverse" => s.reverse(),
            // Base 10 is a cast from String (the same digits, signs and failures as
            // `to_integer`); other bases need a Polars feature this build does not have.
            "to_integer" => {
                match a.get("base") {
                    None | Some(Value::Int(10)) => {}
                    Some(_) => {
                        return Err(Fail::new(Code::UnsupportedArgument, "str.to_integer() with a base other than 10 is not available here (Rust Polars is built without its `string_to_integer` feature)")
                            .hint("parse decimal digits with `str.to_integer()` or `.cast(pl.Int64)`")
                            .construct("base="))
                    }
                }
                let dtype = match a.get("dtype") {
                    Some(d) => dtype_of(d)?,
                    None => DataType::Int64,
                };
                if !dtype.is_integer() {
                    return Err(Fail::type_error(format!("to_integer(): dtype must be an integer type, not {dtype}")));
                }
                if a.bool("strict", true)? { e.strict_cast(dtype) } else { e.cast(dtype) }
            }
            "json_decode" => {
                let dtype = dtype_of(a.required("dtype")?)?;
                s.json_decode(dtype)
            }
            "json_path_match" => s.json_path_match(self.literal(&a, "json_path")?),
            "to_date" => s.to_date(strptime_options(&a)?),
            "to_time" => s.to_time(strptime_options(&a)?),
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
}

fn strptime_options(a: &Bound) -> Result<StrptimeOptions> {
    Ok(StrptimeOptions {
        format: a.opt_string("format")?.map(PlSmallStr::from),
        strict: a.bool("strict", true)?,
        exact: a.bool("exact", true)?,
        cache: true,
    })
}
