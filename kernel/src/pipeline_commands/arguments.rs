// The arguments of `export` and `evaluate`, read from a parsed magic call; every misuse is a
// `UsageError` that repeats the command's usage.

use std::path::PathBuf;

use crate::frame_commands::bad;
use crate::magics::{MagicCall, UsageError};

/// `NAME PATH.py`.
pub fn export(call: &MagicCall) -> Result<(String, PathBuf), UsageError> {
    match call.args.as_slice() {
        [name, path] if path.ends_with(".py") => Ok((name.clone(), PathBuf::from(path))),
        [_, path] => Err(bad(call, format!("`{path}` does not end in `.py`; the pipeline is written as a Python script."))),
        _ => Err(bad(call, "expected a frame name and the path of a .py file (quote paths with spaces).")),
    }
}

/// What `%fe evaluate` was asked.
#[derive(Debug, PartialEq, Eq)]
pub struct EvaluateArguments {
    pub name: String,
    pub target: String,
    /// `None`: the columns added since the frame was loaded.
    pub features: Option<Vec<String>>,
}

/// `NAME --target COL [--features a,b,…]` (flags in either order; `--flag=value` too).
pub fn evaluate(call: &MagicCall) -> Result<EvaluateArguments, UsageError> {
    let mut words = call.args.iter().flat_map(|w| match w.split_once('=') {
        Some((flag, value)) if flag.starts_with("--") => vec![flag.to_string(), value.to_string()],
        _ => vec![w.clone()],
    });
    let (mut name, mut target, mut features) = (None, None, None);
    while let Some(word) = words.next() {
        match word.as_str() {
            "--target" | "--features" => {
                let Some(value) = words.next().filter(|v| !v.starts_with("--")) else {
                    return Err(bad(call, format!("`{word}` needs a value.")));
                };
                if word == "--target" {
                    target = Some(value);
                } else {
                    let list: Vec<String> = value.split(',').map(str::trim).filter(|f| !f.is_empty()).map(str::to_string).collect();
                    if list.is_empty() {
                        return Err(bad(call, "`--features` needs column names separated by commas, e.g. `--features a,b`."));
                    }
                    features = Some(list);
                }
            }
            flag if flag.starts_with("--") => return Err(bad(call, format!("unknown option `{flag}`."))),
            _ if name.is_none() => name = Some(word),
            _ => return Err(bad(call, format!("unexpected `{word}`; name one frame."))),
        }
    }
    let name = name.ok_or_else(|| bad(call, "`%fe evaluate` needs the name of a frame."))?;
    let target = target.ok_or_else(|| bad(call, "`%fe evaluate` needs `--target COL`, the column to evaluate against."))?;
    Ok(EvaluateArguments { name, target, features })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::magics::MagicForm;

    fn call(name: &str, args: &[&str]) -> MagicCall {
        MagicCall {
            form: MagicForm::Line,
            name: name.into(),
            args: args.iter().map(|a| a.to_string()).collect(),
            body: String::new(),
            line: String::new(),
            line_number: 1,
        }
    }

    #[test]
    fn export_needs_a_python_file() {
        assert_eq!(export(&call("export", &["tx", "out/p.py"])).unwrap(), ("tx".into(), PathBuf::from("out/p.py")));
        let error = export(&call("export", &["tx", "p.txt"])).unwrap_err().to_string();
        assert!(error.contains("`p.txt` does not end in `.py`") && error.contains("%fe export NAME PATH.py"), "{error}");
        assert!(export(&call("export", &["tx"])).is_err());
    }

    #[test]
    fn evaluate_reads_target_and_features_in_any_order() {
        let parsed = evaluate(&call("evaluate", &["--features", "a, b", "p", "--target=species"])).unwrap();
        assert_eq!(
            parsed,
            EvaluateArguments { name: "p".into(), target: "species".into(), features: Some(vec!["a".into(), "b".into()]) }
        );
        assert_eq!(evaluate(&call("evaluate", &["p", "--target", "y"])).unwrap().features, None);
        for bad_args in [&["p"][..], &["p", "--target"], &["p", "--target", "y", "--features", ","], &["p", "q", "--target", "y"], &["p", "--tgt", "y"]] {
            assert!(evaluate(&call("evaluate", bad_args)).is_err(), "{bad_args:?}");
        }
    }
}
