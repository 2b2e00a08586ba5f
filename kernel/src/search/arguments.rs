// The arguments of `%%fe search NAME --target COL [--rounds N] [--budget-seconds S]
// [--metric auc|logloss|rmse|r2] [--folds K] [--sample ROWS] [--seed S] [--provider P] [--model M]`;
// misuse is a `UsageError` that repeats the usage.

use std::time::Duration;

use fe_worker::evaluation::candidate_folds::{SearchMetric, MAX_FOLDS, MIN_FOLDS};

use crate::magics::{MagicCall, UsageError};
use crate::suggest::llm_settings::ProviderChoice;

pub const DEFAULT_ROUNDS: usize = 5;
pub const MAX_ROUNDS: usize = 50;
pub const DEFAULT_FOLDS: usize = 5;
pub const DEFAULT_SAMPLE: usize = 5_000;
pub const DEFAULT_SEED: u64 = 42;

#[derive(Debug, Clone, PartialEq)]
pub struct SearchArguments {
    pub name: String,
    pub target: String,
    pub rounds: usize,
    pub budget: Option<Duration>,
    pub metric: Option<SearchMetric>,
    pub folds: usize,
    pub sample: usize,
    pub seed: u64,
    pub provider: Option<ProviderChoice>,
    pub model: Option<String>,
}

const OPTIONS: &[&str] = &["--target", "--rounds", "--budget-seconds", "--metric", "--folds", "--sample", "--seed", "--provider", "--model"];

pub fn parse(call: &MagicCall) -> Result<SearchArguments, UsageError> {
    let mut name = None;
    let mut target = None;
    let mut found = SearchArguments {
        name: String::new(),
        target: String::new(),
        rounds: DEFAULT_ROUNDS,
        budget: None,
        metric: None,
        folds: DEFAULT_FOLDS,
        sample: DEFAULT_SAMPLE,
        seed: DEFAULT_SEED,
        provider: None,
        model: None,
    };
    let mut words = call.args.iter();
    while let Some(word) = words.next() {
        let Some(option) = word.strip_prefix("--") else {
            if name.is_none() {
                name = Some(word.clone());
                continue;
            }
            return Err(UsageError::bad_arguments(call, format!("unexpected `{word}`: describe the data and the goal on the lines below the magic line.")));
        };
        let (option, inline) = match option.split_once('=') {
            Some((option, value)) => (option, Some(value.to_string())),
            None => (option, None),
        };
        let spelled = format!("--{option}");
        if !OPTIONS.contains(&spelled.as_str()) {
            return Err(UsageError::bad_arguments(call, format!("`{word}` is not an option of `%%fe search` (options: {}).", OPTIONS.join(", "))));
        }
        let value = match inline.or_else(|| words.next().cloned()) {
            Some(value) if !value.is_empty() && !value.starts_with("--") => value,
            _ => return Err(UsageError::bad_arguments(call, format!("`{spelled}` needs a value."))),
        };
        let number = |low: u64, high: u64| -> Result<u64, UsageError> {
            match value.parse::<u64>() {
                Ok(n) if (low..=high).contains(&n) => Ok(n),
                _ => Err(UsageError::bad_arguments(call, format!("`{spelled} {value}`: give a whole number from {low} to {high}."))),
            }
        };
        match option {
            "target" => target = Some(value.clone()),
            "rounds" => found.rounds = number(1, MAX_ROUNDS as u64)? as usize,
            "budget-seconds" => found.budget = Some(Duration::from_secs(number(1, 86_400)?)),
            "metric" => {
                found.metric = Some(SearchMetric::parse(&value).ok_or_else(|| {
                    UsageError::bad_arguments(call, format!("`{value}` is not a metric (auc or logloss for a class target, rmse or r2 for a numeric one)."))
                })?)
            }
            "folds" => found.folds = number(MIN_FOLDS as u64, MAX_FOLDS as u64)? as usize,
            "sample" => found.sample = number(1, 10_000_000)? as usize,
            "seed" => found.seed = number(0, u64::MAX)?,
            "provider" => {
                found.provider = Some(ProviderChoice::parse(&value).ok_or_else(|| {
                    UsageError::bad_arguments(call, format!("`{value}` is not a provider (auto, openai, anthropic or builtin)."))
                })?)
            }
            _ => found.model = Some(value.clone()),
        }
    }
    found.name = name.ok_or_else(|| UsageError::bad_arguments(call, "`%%fe search` needs the name of a frame."))?;
    found.target = target.ok_or_else(|| UsageError::bad_arguments(call, "`%%fe search` needs `--target COL`: the column the features should help predict."))?;
    if found.sample < 2 * found.folds {
        return Err(UsageError::bad_arguments(call, format!("`--sample {}` is too small for {} folds (at least {} rows).", found.sample, found.folds, 2 * found.folds)));
    }
    Ok(found)
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::magics::MagicForm;

    fn call(args: &[&str]) -> MagicCall {
        MagicCall {
            form: MagicForm::Cell,
            name: "search".into(),
            args: args.iter().map(|a| a.to_string()).collect(),
            body: "tumour cells; predict malignancy".into(),
            line: String::new(),
            line_number: 1,
        }
    }

    #[test]
    fn defaults_and_every_option() {
        let parsed = parse(&call(&["cells", "--target", "y"])).unwrap();
        assert_eq!((parsed.rounds, parsed.folds, parsed.sample, parsed.seed, parsed.metric, parsed.budget), (5, 5, 5_000, 42, None, None));
        let parsed = parse(&call(&[
            "--target=y", "cells", "--rounds", "3", "--budget-seconds", "60", "--metric", "logloss", "--folds", "10", "--sample", "800", "--seed", "7",
            "--provider", "builtin", "--model", "m",
        ]))
        .unwrap();
        assert_eq!(parsed.name, "cells");
        assert_eq!((parsed.rounds, parsed.folds, parsed.sample, parsed.seed), (3, 10, 800, 7));
        assert_eq!((parsed.metric, parsed.budget), (Some(SearchMetric::Logloss), Some(Duration::from_secs(60))));
        assert_eq!((parsed.provider, parsed.model.as_deref()), (Some(ProviderChoice::Builtin), Some("m")));
    }

    #[test]
    fn misuse_names_the_problem_and_the_usage() {
        let message = |args: &[&str]| parse(&call(args)).unwrap_err().to_string();
        assert!(message(&["cells"]).contains("needs `--target COL`"));
        assert!(message(&["--target", "y"]).contains("needs the name of a frame"));
        assert!(message(&["cells", "--target", "y", "--metric", "f1"]).contains("`f1` is not a metric"));
        assert!(message(&["cells", "--target", "y", "--folds", "1"]).contains("`--folds 1`: give a whole number from 2 to 20"));
        assert!(message(&["cells", "--target", "y", "--rounds", "0"]).contains("from 1 to 50"));
        assert!(message(&["cells", "--target", "y", "--colour", "red"]).contains("not an option"));
        assert!(message(&["cells", "--target", "y", "--folds", "10", "--sample", "12"]).contains("too small for 10 folds"));
        let extra = message(&["cells", "--target", "y", "more"]);
        assert!(extra.contains("on the lines below") && extra.contains("%%fe search NAME --target COL"), "{extra}");
    }
}
