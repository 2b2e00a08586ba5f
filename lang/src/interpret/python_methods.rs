// Methods of plain Python values: str (lower, split, join, …), list (append, extend, …)
// and dict (items, get, update, …).

use super::args::CallArgs;
use super::failure::{Fail, Result};
use super::format_spec::format_template;
use super::operators::py_sort;
use super::values::Value;
use super::Interpreter;
use crate::allowlist::Namespace;

impl Interpreter<'_, '_> {
    pub fn python_method(&mut self, object: Value, name: &str, args: CallArgs) -> Result<Value> {
        match object {
            Value::Str(s) => self.str_method(&s, name, args),
            Value::List(list) => {
                let a = args.bind(Namespace::PyList, name)?;
                match name {
                    "append" => {
                        let value = a.required("value")?.clone();
                        let len = list.borrow().len() + 1;
                        self.check_list_len(len)?;
                        list.borrow_mut().push(value);
                        Ok(Value::None)
                    }
                    "extend" => {
                        let items = self.iterate(a.required("iterable")?)?;
                        let len = list.borrow().len() + items.len();
                        self.check_list_len(len)?;
                        list.borrow_mut().extend(items);
                        Ok(Value::None)
                    }
                    "insert" => {
                        let index = a.int("index", 0)?;
                        let value = a.required("value")?.clone();
                        let mut l = list.borrow_mut();
                        let len = l.len() as i64;
                        let at = if index < 0 { (index + len).max(0) } else { index.min(len) } as usize;
                        l.insert(at, value);
                        Ok(Value::None)
                    }
                    "pop" => {
                        let index = a.int("index", -1)?;
                        let mut l = list.borrow_mut();
                        let len = l.len() as i64;
                        let at = if index < 0 { index + len } else { index };
                        if at < 0 || at >= len {
                            return Err(Fail::value_error("pop index out of range"));
                        }
                        Ok(l.remove(at as usize))
                    }
                    "remove" => {
                        let value = a.required("value")?;
                        let mut l = list.borrow_mut();
                        let at = l.iter().position(|x| x.py_eq(value)).ok_or_else(|| Fail::value_error("list.remove(x): x not in list"))?;
                        l.remove(at);
                        Ok(Value::None)
                    }
                    "index" => {
                        let value = a.required("value")?;
                        let l = list.borrow();
                        l.iter().position(|x| x.py_eq(value)).map(|i| Value::Int(i as i64)).ok_or_else(|| Fail::value_error("value is not in list"))
                    }
                    "copy" => Ok(Value::list(list.borrow().clone())),
                    "sort" => {
                        let mut items = list.borrow().clone();
                        py_sort(&mut items)?;
                        if a.bool("reverse", false)? {
                            items.reverse();
                        }
                        *list.borrow_mut() = items;
                        Ok(Value::None)
                    }
                    _ => unreachable!("bound above"),
                }
            }
            Value::Dict(dict) => {
                let mut a = args.bind(Namespace::PyDict, name)?;
                match name {
                    "items" => Ok(Value::list(dict.borrow().entries.iter().map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()])).collect())),
                    "keys" => Ok(Value::list(dict.borrow().entries.iter().map(|(k, _)| k.clone()).collect())),
                    "values" | "dtypes" => Ok(Value::list(dict.borrow().entries.iter().map(|(_, v)| v.clone()).collect())),
                    "names" => Ok(Value::list(dict.borrow().entries.iter().map(|(k, _)| k.clone()).collect())),
                    "len" => Ok(Value::Int(dict.borrow().entries.len() as i64)),
                    "get" => {
                        let key = a.required("key")?;
                        Ok(dict.borrow().get(key).cloned().unwrap_or_else(|| a.get("default").cloned().unwrap_or(Value::None)))
                    }
                    "update" => {
                        if let Some(other) = a.take("other") {
                            match other {
                                Value::Dict(o) => {
                                    let entries = o.borrow().entries.clone();
                                    for (k, v) in entries {
                                        dict.borrow_mut().insert(k, v);
                                    }
                                }
                                other => {
                                    for pair in self.iterate(&other)? {
                                        let kv = self.iterate(&pair)?;
                                        if kv.len() == 2 {
                                            dict.borrow_mut().insert(kv[0].clone(), kv[1].clone());
                                        }
                                    }
                                }
                            }
                        }
                        for (k, v) in a.kwargs.drain(..) {
                            dict.borrow_mut().insert(Value::str(k), v);
                        }
                        Ok(Value::None)
                    }
                    _ => unreachable!("bound above"),
                }
            }
            other => Err(super::expressions::not_available(name, other.type_name(), None)),
        }
    }

    fn str_method(&mut self, s: &str, name: &str, args: CallArgs) -> Result<Value> {
        let a = args.bind(Namespace::PyStr, name)?;
        let chars_arg = |a: &super::args::Bound| a.opt_string("chars");
        Ok(match name {
            "lower" | "upper" => Value::str(str_name_method(name, s).unwrap_or_default()),
            "strip" | "lstrip" | "rstrip" => {
                let chars: Option<Vec<char>> = chars_arg(&a)?.map(|c| c.chars().collect());
                let matches = |c: char| match &chars {
                    Some(set) => set.contains(&c),
                    None => c.is_whitespace(),
                };
                Value::str(match name {
                    "strip" => s.trim_matches(matches),
                    "lstrip" => s.trim_start_matches(matches),
                    _ => s.trim_end_matches(matches),
                })
            }
            "startswith" => Value::Bool(s.starts_with(&*a.string("prefix", "")?)),
            "endswith" => Value::Bool(s.ends_with(&*a.string("suffix", "")?)),
            "replace" => {
                let old = a.string("old", "")?;
                let new = a.string("new", "")?;
                let count = a.int("count", -1)?;
                Value::str(if count < 0 { s.replace(&old, &new) } else { s.replacen(&old, &new, count as usize) })
            }
            "split" => {
                let sep = a.opt_string("sep")?;
                let maxsplit = a.int("maxsplit", -1)?;
                let parts: Vec<String> = match (&sep, maxsplit) {
                    (Some(sep), m) if m >= 0 => s.splitn(m as usize + 1, sep.as_str()).map(String::from).collect(),
                    (Some(sep), _) => s.split(sep.as_str()).map(String::from).collect(),
                    (None, _) => s.split_whitespace().map(String::from).collect(),
                };
                self.check_list_len(parts.len())?;
                Value::list(parts.into_iter().map(Value::str).collect())
            }
            "join" => {
                let items = self.iterate(a.required("iterable")?)?;
                let mut parts = Vec::with_capacity(items.len());
                for item in items {
                    match item {
                        Value::Str(t) => parts.push(t.to_string()),
                        other => return Err(Fail::type_error(format!("str.join() needs strings, found a {}", other.type_name())).hint("convert with `str(x)` first")),
                    }
                }
                Value::str(parts.join(s))
            }
            "title" | "capitalize" => Value::str(str_name_method(name, s).unwrap_or_default()),
            "format" => Value::str(format_template(s, &a.rest, &a.kwargs)?),
            "isdigit" => Value::Bool(!s.is_empty() && s.chars().all(|c| c.is_ascii_digit())),
            "removeprefix" => Value::str(s.strip_prefix(&*a.string("prefix", "")?).unwrap_or(s)),
            "removesuffix" => Value::str(s.strip_suffix(&*a.string("suffix", "")?).unwrap_or(s)),
            _ => unreachable!("bound above"),
        })
    }
}

/// The argument-free `str` methods that map one text to another (`str.upper`), as given to
/// `Expr.name.map`; `None` for any other name.
pub(crate) fn str_name_method(name: &str, s: &str) -> Option<String> {
    Some(match name {
        "lower" => s.to_lowercase(),
        "upper" => s.to_uppercase(),
        "strip" => s.trim_matches(char::is_whitespace).to_string(),
        "lstrip" => s.trim_start_matches(char::is_whitespace).to_string(),
        "rstrip" => s.trim_end_matches(char::is_whitespace).to_string(),
        "title" => title_case(s),
        "capitalize" => {
            let mut chars = s.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().collect::<String>() + &chars.as_str().to_lowercase(),
                None => String::new(),
            }
        }
        _ => return None,
    })
}

fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut previous_is_letter = false;
    for c in s.chars() {
        if c.is_alphabetic() {
            if previous_is_letter {
                out.extend(c.to_lowercase());
            } else {
                out.extend(c.to_uppercase());
            }
            previous_is_letter = true;
        } else {
            out.push(c);
            previous_is_letter = false;
        }
    }
    out
}
