// The arguments of `%%fe suggest NAME [--target COL] [--provider P] [--model M]` and
// `%fe prompt NAME [--target COL]`; misuse is a `UsageError` that repeats the usage.

use super::llm_settings::ProviderChoice;
use crate::magics::{MagicCall, UsageError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuggestArguments {
    pub name: String,
    pub target: Option<String>,
    pub provider: Option<ProviderChoice>,
    pub model: Option<String>,
}

pub fn suggest(call: &MagicCall) -> Result<SuggestArguments, UsageError> {
    parse(call, &["--target", "--provider", "--model"])
}

pub fn prompt(call: &MagicCall) -> Result<SuggestArguments, UsageError> {
    parse(call, &["--target"])
}

fn parse(call: &MagicCall, options: &[&str]) -> Result<SuggestArguments, UsageError> {
    let mut name = None;
    let mut found = SuggestArguments { name: String::new(), target: None, provider: None, model: None };
    let mut words = call.args.iter();
    while let Some(word) = words.next() {
        if let Some(option) = word.strip_prefix("--") {
            let (option, inline) = match option.split_once('=') {
                Some((option, value)) => (option, Some(value.to_string())),
                None => (option, None),
            };
            let spelled = format!("--{option}");
            if !options.contains(&spelled.as_str()) {
                return Err(UsageError::bad_arguments(call, format!("`{word}` is not an option of `%fe {}` (options: {}).", call.name, options.join(", "))));
            }
            let value = match inline.or_else(|| words.next().cloned()) {
                Some(value) if !value.is_empty() && !value.starts_with("--") => value,
                _ => return Err(UsageError::bad_arguments(call, format!("`{spelled}` needs a value."))),
            };
            match option {
                "target" => found.target = Some(value),
                "provider" => {
                    found.provider = Some(ProviderChoice::parse(&value).ok_or_else(|| {
                        UsageError::bad_arguments(call, format!("`{value}` is not a provider (auto, openai, anthropic or builtin)."))
                    })?)
                }
                _ => found.model = Some(value),
            }
        } else if name.is_none() {
            name = Some(word.clone());
        } else {
            return Err(UsageError::bad_arguments(call, format!("unexpected `{word}`: the request goes on the lines below the magic line.")));
        }
    }
    found.name = name.ok_or_else(|| UsageError::bad_arguments(call, format!("`%fe {}` needs the name of a frame.", call.name)))?;
    Ok(found)
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::magics::MagicForm;

    fn call(args: &[&str]) -> MagicCall {
        MagicCall {
            form: MagicForm::Cell,
            name: "suggest".into(),
            args: args.iter().map(|a| a.to_string()).collect(),
            body: "dates".into(),
            line: String::new(),
            line_number: 1,
        }
    }

    #[test]
    fn options_come_in_any_order_with_or_without_equals() {
        let parsed = suggest(&call(&["--target", "churned", "tx", "--provider=anthropic", "--model", "claude-x"])).unwrap();
        assert_eq!(
            parsed,
            SuggestArguments {
                name: "tx".into(),
                target: Some("churned".into()),
                provider: Some(ProviderChoice::Anthropic),
                model: Some("claude-x".into())
            }
        );
    }

    #[test]
    fn misuse_names_the_problem_and_the_usage() {
        let message = |args: &[&str]| suggest(&call(args)).unwrap_err().to_string();
        assert!(message(&[]).contains("needs the name of a frame"));
        assert!(message(&["tx", "--target"]).contains("`--target` needs a value"));
        assert!(message(&["tx", "--colour", "red"]).contains("not an option"));
        assert!(message(&["tx", "--provider", "gemini"]).contains("not a provider"));
        let extra = message(&["tx", "dates"]);
        assert!(extra.contains("the request goes on the lines below") && extra.contains("%%fe suggest NAME [--target COL]"), "{extra}");
    }
}
