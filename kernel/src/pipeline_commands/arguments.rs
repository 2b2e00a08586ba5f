// The arguments of `export`, `evaluate` and `replay`, read from a parsed magic call; every misuse is a
// `UsageError` that repeats the command's usage.

use std::path::PathBuf;

use fe_worker::lineage::ReplayMode;

use crate::frame_commands::bad;
use crate::magics::{MagicCall, UsageError};

/// What `%fe export` was asked: a Python Polars script (the default) or a PySpark one.
#[derive(Debug, PartialEq, Eq)]
pub struct ExportArguments {
    pub name: String,
    /// Required for Python Polars; optional for PySpark (`NAME_pyspark.py`, or a temporary file with `--check`).
    pub path: Option<PathBuf>,
    pub pyspark: bool,
    /// Run the PySpark script on a local Spark and compare with the kernel's frame.
    pub check: bool,
    /// Columns that identify a row in the comparison (default: every non-float column).
    pub key: Option<Vec<String>>,
}

/// `NAME PATH.py` or `NAME --target pyspark [PATH.py] [--check] [--key a,b]` (flags anywhere).
pub fn export(call: &MagicCall) -> Result<ExportArguments, UsageError> {
    let mut words = call.args.iter().flat_map(|w| match w.split_once('=') {
        Some((flag, value)) if flag.starts_with("--") => vec![flag.to_string(), value.to_string()],
        _ => vec![w.clone()],
    });
    let (mut positional, mut target, mut check, mut key) = (Vec::new(), None, false, None);
    while let Some(word) = words.next() {
        match word.as_str() {
            "--target" => target = Some(words.next().ok_or_else(|| bad(call, "`--target` needs a value: `polars` or `pyspark`."))?),
            "--check" => check = true,
            "--key" => {
                let value = words.next().ok_or_else(|| bad(call, "`--key` needs column names separated by commas."))?;
                key = Some(value.split(',').map(str::trim).filter(|k| !k.is_empty()).map(str::to_string).collect());
            }
            flag if flag.starts_with("--") => return Err(bad(call, format!("unknown option `{flag}` (the options are `--target pyspark`, `--check` and `--key`)."))),
            _ => positional.push(word),
        }
    }
    let pyspark = match target.as_deref() {
        None | Some("polars") => false,
        Some("pyspark") => true,
        Some(other) => return Err(bad(call, format!("unknown target `{other}`; the targets are `polars` (the default) and `pyspark`."))),
    };
    if (check || key.is_some()) && !pyspark {
        return Err(bad(call, "`--check` and `--key` go with `--target pyspark`."));
    }
    let (name, path) = match positional.as_slice() {
        [name, path] if path.ends_with(".py") => (name.clone(), Some(PathBuf::from(path))),
        [_, path] => return Err(bad(call, format!("`{path}` does not end in `.py`; the pipeline is written as a Python script."))),
        [name] if pyspark => (name.clone(), None),
        _ if pyspark => return Err(bad(call, "expected a frame name, optionally followed by the path of a .py file.")),
        _ => return Err(bad(call, "expected a frame name and the path of a .py file (quote paths with spaces).")),
    };
    Ok(ExportArguments { name, path, pyspark, check, key })
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
    fn export_to_pyspark_takes_an_optional_path_a_check_and_a_key() {
        let parsed = export(&call("export", &["tx", "--target", "pyspark", "--check", "--key=id,ts"])).unwrap();
        assert_eq!(parsed, ExportArguments { name: "tx".into(), path: None, pyspark: true, check: true, key: Some(vec!["id".into(), "ts".into()]) });
        let parsed = export(&call("export", &["--target=pyspark", "tx", "jobs/tx.py"])).unwrap();
        assert_eq!((parsed.path, parsed.check), (Some(PathBuf::from("jobs/tx.py")), false));
        for bad_args in [&["tx", "--check"][..], &["tx", "--target", "dask", "a.py"], &["tx", "--target"], &["tx", "--target", "pyspark", "a.txt"]] {
            assert!(export(&call("export", bad_args)).is_err(), "{bad_args:?}");
        }
    }

    #[test]
    fn export_needs_a_python_file() {
        let parsed = export(&call("export", &["tx", "out/p.py"])).unwrap();
        assert_eq!((parsed.name.as_str(), parsed.path, parsed.pyspark), ("tx", Some(PathBuf::from("out/p.py")), false));
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
