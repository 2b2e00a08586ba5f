// The arguments of `export`, `evaluate` and `replay`, read from a parsed magic call; every misuse is a
// `UsageError` that repeats the command's usage.

use std::path::PathBuf;

use fe_worker::lineage::ReplayMode;

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

/// What `%fe replay` was asked.
#[derive(Debug, PartialEq, Eq)]
pub struct ReplayArguments {
    pub name: String,
    pub path: PathBuf,
    /// `None`: named after the file.
    pub new_name: Option<String>,
    pub mode: ReplayMode,
}

/// `NAME PATH [as NEW] [--recompute | --fitted]` (the mode flag anywhere).
pub fn replay(call: &MagicCall) -> Result<ReplayArguments, UsageError> {
    let mut mode = ReplayMode::Fitted;
    let mut words = Vec::new();
    for word in &call.args {
        match word.as_str() {
            "--recompute" => mode = ReplayMode::Recomputed,
            "--fitted" => mode = ReplayMode::Fitted,
            flag if flag.starts_with("--") => {
                return Err(bad(call, format!("unknown option `{flag}` (the options are `--fitted`, the default, and `--recompute`).")))
            }
            _ => words.push(word.clone()),
        }
    }
    let (name, path, new_name) = match words.as_slice() {
        [name, path] => (name.clone(), path.clone(), None),
        [name, path, as_word, new_name] if as_word == "as" => (name.clone(), path.clone(), Some(new_name.clone())),
        [] | [_] => return Err(bad(call, "`%fe replay` needs the frame whose steps to run and the path of the new data.")),
        _ => return Err(bad(call, "expected a frame name and a path, optionally followed by `as NEW` (quote paths with spaces).")),
    };
    Ok(ReplayArguments { name, path: PathBuf::from(path), new_name, mode })
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

    #[test]
    fn replay_is_fitted_unless_asked_to_recompute() {
        let parsed = replay(&call("replay", &["tx", "may.csv", "as", "may"])).unwrap();
        assert_eq!(parsed, ReplayArguments { name: "tx".into(), path: "may.csv".into(), new_name: Some("may".into()), mode: ReplayMode::Fitted });
        let parsed = replay(&call("replay", &["--recompute", "tx", "may.csv"])).unwrap();
        assert_eq!((parsed.new_name, parsed.mode), (None, ReplayMode::Recomputed));
        for bad_args in [&["tx"][..], &["tx", "a.csv", "b.csv"], &["tx", "a.csv", "--leak"], &["tx", "a.csv", "to", "b"]] {
            let error = replay(&call("replay", bad_args)).unwrap_err().to_string();
            assert!(error.contains("%fe replay NAME PATH [as NEW]"), "{bad_args:?}: {error}");
        }
    }
}
