// Call arguments and their binding to the Python signatures of the allowlist, with typed
// accessors that produce clear errors (wrong kind, unknown or removed keyword).

use std::collections::HashMap;

use super::failure::{Fail, Result};
use super::values::Value;
use crate::allowlist::{self, Namespace, ParamKind};
use crate::diagnostics::Code;

#[derive(Default, Clone)]
pub(crate) struct CallArgs {
    pub positional: Vec<Value>,
    pub keywords: Vec<(String, Value)>,
}

impl CallArgs {
    /// Bind these arguments to the signature of `namespace.name` in the allowlist.
    pub fn bind(self, namespace: Namespace, name: &str) -> Result<Bound> {
        let Some(entry) = allowlist::lookup(namespace, name) else {
            return Err(super::expressions::not_available(name, namespace.display(), Some(namespace)));
        };
        let params = allowlist::params_of(entry);
        let mut values: HashMap<&'static str, Value> = HashMap::new();
        let mut rest = Vec::new();
        let mut kwargs = Vec::new();
        let mut positional = self.positional.into_iter();
        for param in params {
            match param.kind {
                ParamKind::Normal if !param.keyword_only => {
                    if let Some(v) = positional.next() {
                        values.insert(param.name, v);
                    }
                }
                ParamKind::VarPositional => rest.extend(positional.by_ref()),
                _ => {}
            }
        }
        let extra: Vec<Value> = positional.collect();
        if !extra.is_empty() {
            return Err(Fail::type_error(format!("{name}() got {} positional arguments too many", extra.len()))
                .hint(format!("signature: {name}({})", entry.params.unwrap_or(""))));
        }
        let accepts_kwargs = params.iter().any(|p| p.kind == ParamKind::VarKeyword);
        for (key, value) in self.keywords {
            match params.iter().find(|p| p.name == key && p.kind == ParamKind::Normal) {
                Some(param) => {
                    if values.insert(param.name, value).is_some() {
                        return Err(Fail::type_error(format!("{name}() got multiple values for `{key}`")));
                    }
                }
                None if accepts_kwargs => kwargs.push((key, value)),
                None => {
                    if let Some((_, new)) = allowlist::REMOVED_KEYWORDS.iter().find(|(old, _)| *old == key) {
                        return Err(Fail::new(Code::RemovedName, format!("{name}() has no keyword `{key}` in Python Polars 2.x"))
                            .hint(format!("use `{new}`; signature: {name}({})", entry.params.unwrap_or("")))
                            .construct(format!("{key}=")));
                    }
                    return Err(Fail::new(Code::UnsupportedArgument, format!("{name}() got an unexpected keyword argument `{key}`"))
                        .hint(format!("signature: {name}({})", entry.params.unwrap_or("")))
                        .construct(format!("{key}=")));
                }
            }
        }
        for param in params {
            if param.kind == ParamKind::Normal && !param.has_default && !values.contains_key(param.name) {
                return Err(Fail::type_error(format!("{name}() is missing the argument `{}`", param.name))
                    .hint(format!("signature: {name}({})", entry.params.unwrap_or(""))));
            }
        }
        Ok(Bound { function: entry.name, values, rest, kwargs })
    }
}

/// Arguments bound to parameter names.
pub(crate) struct Bound {
    pub function: &'static str,
    values: HashMap<&'static str, Value>,
    /// `*args`
    pub rest: Vec<Value>,
    /// `**kwargs`
    pub kwargs: Vec<(String, Value)>,
}

impl Bound {
    /// The argument, if given and not `None`.
    pub fn get(&self, name: &str) -> Option<&Value> {
        match self.values.get(name) {
            Some(Value::None) | None => None,
            Some(v) => Some(v),
        }
    }

    /// The argument as given (including an explicit `None`).
    pub fn raw(&self, name: &str) -> Option<&Value> {
        self.values.get(name)
    }

    pub fn take(&mut self, name: &str) -> Option<Value> {
        match self.values.remove(name) {
            Some(Value::None) | None => None,
            Some(v) => Some(v),
        }
    }

    pub fn required(&self, name: &str) -> Result<&Value> {
        self.values.get(name).ok_or_else(|| Fail::type_error(format!("{}() needs `{name}`", self.function)))
    }

    fn wrong(&self, name: &str, wanted: &str, got: &Value) -> Fail {
        Fail::type_error(format!("{}(): `{name}` must be {wanted}, not {}", self.function, got.type_name()))
    }

    pub fn int(&self, name: &str, default: i64) -> Result<i64> {
        match self.get(name) {
            None => Ok(default),
            Some(Value::Int(i)) => Ok(*i),
            Some(Value::Bool(b)) => Ok(*b as i64),
            Some(other) => Err(self.wrong(name, "an int", other)),
        }
    }

    pub fn opt_int(&self, name: &str) -> Result<Option<i64>> {
        match self.get(name) {
            None => Ok(None),
            Some(_) => self.int(name, 0).map(Some),
        }
    }

    pub fn float(&self, name: &str, default: f64) -> Result<f64> {
        match self.get(name) {
            None => Ok(default),
            Some(v) => v.as_f64().filter(|_| !matches!(v, Value::Str(_))).ok_or_else(|| self.wrong(name, "a number", v)),
        }
    }

    pub fn opt_float(&self, name: &str) -> Result<Option<f64>> {
        match self.get(name) {
            None => Ok(None),
            Some(_) => self.float(name, 0.0).map(Some),
        }
    }

    pub fn bool(&self, name: &str, default: bool) -> Result<bool> {
        match self.get(name) {
            None => Ok(default),
            Some(Value::Bool(b)) => Ok(*b),
            Some(other) => Err(self.wrong(name, "True or False", other)),
        }
    }

    pub fn string(&self, name: &str, default: &str) -> Result<String> {
        match self.get(name) {
            None => Ok(default.to_string()),
            Some(Value::Str(s)) => Ok(s.to_string()),
            Some(other) => Err(self.wrong(name, "a str", other)),
        }
    }

    pub fn opt_string(&self, name: &str) -> Result<Option<String>> {
        match self.get(name) {
            None => Ok(None),
            Some(_) => self.string(name, "").map(Some),
        }
    }

    /// A choice among fixed strings.
    pub fn choice(&self, name: &str, default: &str, allowed: &[&str]) -> Result<String> {
        let value = self.string(name, default)?;
        if allowed.contains(&value.as_str()) {
            Ok(value)
        } else {
            Err(Fail::value_error(format!("{}(): `{name}` must be one of {}, not {value:?}", self.function, allowed.join(", "))))
        }
    }

    /// Refuse an argument the language does not support (with a reason).
    pub fn refuse_if_given(&self, name: &str, reason: &str) -> Result<()> {
        if self.get(name).is_some() {
            return Err(Fail::new(Code::UnsupportedArgument, format!("{}(): `{name}` {reason}", self.function)).construct(format!("{name}=")));
        }
        Ok(())
    }

    /// All `*args` plus the named first parameter when the signature has `(first, *more)`.
    pub fn first_and_rest(&mut self, first: &str) -> Vec<Value> {
        let mut out = Vec::new();
        if let Some(v) = self.values.remove(first) {
            out.push(v);
        }
        out.append(&mut self.rest);
        out
    }
}
