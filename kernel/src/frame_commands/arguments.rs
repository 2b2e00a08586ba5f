// The arguments of the frame commands, read from a parsed magic call: every misuse is a
// `UsageError` that repeats the command's usage.

use std::path::PathBuf;

use crate::magics::{MagicCall, UsageError};

/// Turns a message into the usage error of `call`'s command (which repeats its usage line).
pub fn bad(call: &MagicCall, message: impl Into<String>) -> UsageError {
    UsageError::bad_arguments(call, message)
}

/// `NAME`: exactly one frame name.
pub fn one_name(call: &MagicCall) -> Result<String, UsageError> {
    match call.args.as_slice() {
        [name] => Ok(name.clone()),
        [] => Err(bad(call, format!("`%fe {}` needs the name of a frame.", call.name))),
        _ => Err(bad(call, format!("`%fe {}` takes one frame name.", call.name))),
    }
}

/// `PATH [as NAME]`.
pub fn path_and_optional_name(call: &MagicCall) -> Result<(PathBuf, Option<String>), UsageError> {
    match call.args.as_slice() {
        [path] => Ok((PathBuf::from(path), None)),
        [path, as_word, name] if as_word == "as" => Ok((PathBuf::from(path), Some(name.clone()))),
        [] => Err(bad(call, format!("`%fe {}` needs the path of a file, a folder or a glob.", call.name))),
        _ => Err(bad(call, "expected a path, optionally followed by `as NAME` (quote paths with spaces).")),
    }
}

/// `PATH [as NAME] [--lazy | --eager]`: the flags choose whether the data is kept as a scan.
pub fn load_arguments(call: &MagicCall) -> Result<(PathBuf, Option<String>, fe_worker::control::LoadMode), UsageError> {
    use fe_worker::control::LoadMode;
    let mut mode = LoadMode::Auto;
    let mut words = Vec::new();
    for word in &call.args {
        let chosen = match word.as_str() {
            "--lazy" => LoadMode::Lazy,
            "--eager" => LoadMode::Eager,
            flag if flag.starts_with("--") => return Err(bad(call, format!("unknown option `{flag}`; `%fe load` takes `--lazy` or `--eager`."))),
            _ => {
                words.push(word.clone());
                continue;
            }
        };
        if mode != LoadMode::Auto && mode != chosen {
            return Err(bad(call, "give at most one of `--lazy` and `--eager`."));
        }
        mode = chosen;
    }
    let plain = MagicCall { args: words, ..call.clone() };
    let (path, name) = path_and_optional_name(&plain)?;
    Ok((path, name, mode))
}

/// `NAME [N]` with N a positive row count (default `default_rows`).
pub fn name_and_rows(call: &MagicCall, default_rows: usize) -> Result<(String, usize), UsageError> {
    match call.args.as_slice() {
        [name] => Ok((name.clone(), default_rows)),
        [name, rows] => match rows.parse::<usize>() {
            Ok(n) if n > 0 => Ok((name.clone(), n)),
            _ => Err(bad(call, format!("`{rows}` is not a number of rows (a whole number above 0)."))),
        },
        [] => Err(bad(call, format!("`%fe {}` needs the name of a frame.", call.name))),
        _ => Err(bad(call, "expected a frame name and at most one number of rows.")),
    }
}

/// `NAME PATH`.
pub fn name_and_path(call: &MagicCall) -> Result<(String, PathBuf), UsageError> {
    match call.args.as_slice() {
        [name, path] => Ok((name.clone(), PathBuf::from(path))),
        _ => Err(bad(call, "expected a frame name and a path (quote paths with spaces).")),
    }
}

/// No arguments at all.
pub fn none(call: &MagicCall) -> Result<(), UsageError> {
    if call.args.is_empty() {
        Ok(())
    } else {
        Err(bad(call, format!("`%fe {}` takes no arguments.", call.name)))
    }
}

/// `KEY=VALUE` pairs.
pub fn key_values(call: &MagicCall) -> Result<Vec<(String, String)>, UsageError> {
    call.args
        .iter()
        .map(|word| match word.split_once('=') {
            Some((key, value)) if !key.is_empty() => Ok((key.trim().to_string(), value.trim().to_string())),
            _ => Err(bad(call, format!("`{word}` is not KEY=VALUE (e.g. `memory=4GiB`)."))),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::magics::MagicForm;

    fn call(args: &[&str]) -> MagicCall {
        MagicCall {
            form: MagicForm::Line,
            name: "show".into(),
            args: args.iter().map(|a| a.to_string()).collect(),
            body: String::new(),
            line: String::new(),
            line_number: 1,
        }
    }

    #[test]
    fn load_takes_a_path_and_an_optional_name() {
        assert_eq!(path_and_optional_name(&call(&["a.csv"])).unwrap(), (PathBuf::from("a.csv"), None));
        assert_eq!(
            path_and_optional_name(&call(&["a.csv", "as", "tx"])).unwrap(),
            (PathBuf::from("a.csv"), Some("tx".into()))
        );
        assert!(path_and_optional_name(&call(&["a.csv", "tx"])).is_err());
        assert!(path_and_optional_name(&call(&[])).is_err());
    }

    #[test]
    fn row_counts_must_be_positive_numbers() {
        assert_eq!(name_and_rows(&call(&["tx"]), 10).unwrap(), ("tx".into(), 10));
        assert_eq!(name_and_rows(&call(&["tx", "3"]), 10).unwrap(), ("tx".into(), 3));
        let message = name_and_rows(&call(&["tx", "lots"]), 10).unwrap_err().to_string();
        assert!(message.contains("`lots` is not a number of rows") && message.contains("%fe show NAME [N]"), "{message}");
        assert!(name_and_rows(&call(&["tx", "0"]), 10).is_err());
    }

    #[test]
    fn config_pairs_need_an_equals_sign() {
        assert_eq!(key_values(&call(&["memory=4GiB"])).unwrap(), vec![("memory".into(), "4GiB".into())]);
        assert!(key_values(&call(&["memory"])).is_err());
        assert!(key_values(&call(&["=4"])).is_err());
    }
}
