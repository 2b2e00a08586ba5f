// The offline provider: schema-driven proposals written as feature-language code, shaped by
// the request's words and never reading the target. No network; the default without a key.

mod column_roles;
mod families;
mod python_text;
mod request_words;
mod search_rounds;

use std::fmt::Write;

use super::{Answer, LlmError, LlmRequest, Progress, Provider, Usage};

pub const PROVIDER: &str = "builtin";
/// The rule set's version: answers change when it does.
pub const MODEL: &str = "builtin-rules-1";

pub struct BuiltinProvider;

#[async_trait::async_trait(?Send)]
impl Provider for BuiltinProvider {
    fn name(&self) -> &'static str {
        PROVIDER
    }

    fn endpoint(&self) -> String {
        String::new()
    }

    async fn complete(&self, request: &LlmRequest, progress: &mut dyn Progress) -> Result<Answer, LlmError> {
        let text = match &request.subject {
            Some(subject) => match &subject.search {
                Some(round) => search_rounds::answer(&subject.profile, subject.target.as_deref(), &subject.request, round),
                None => answer(&subject.profile, subject.target.as_deref(), &subject.request),
            },
            None => "The builtin provider needs the frame's schema summary; it answers `%%fe suggest` only.".into(),
        };
        progress.text(&text);
        Ok(Answer { text, usage: Usage::default(), model: MODEL.into(), attempts: 0 })
    }
}

/// The answer as an LLM would give it: a few sentences, then one python block.
pub fn answer(profile: &super::profile::FrameProfile, target: Option<&str>, request: &str) -> String {
    let proposal = families::propose(profile, target, request);
    let mut text = String::new();
    if proposal.features.is_empty() {
        let _ = write!(
            text,
            "The builtin provider found no feature to propose for `{}` (columns: {}).",
            profile.name,
            profile.columns.iter().map(|c| format!("{} {}", c.name, c.dtype)).collect::<Vec<_>>().join(", ")
        );
        for note in &proposal.notes {
            let _ = write!(text, " {}{}.", note[..1].to_uppercase(), &note[1..]);
        }
        text.push_str(" Try another request, or an LLM provider (`%fe config provider=openai`).");
        return text;
    }
    let _ = writeln!(
        text,
        "The builtin provider (offline, rule-based) proposes {} features for `{}` from its schema.",
        proposal.features.len(),
        profile.name
    );
    for note in &proposal.notes {
        let _ = writeln!(text, "- {note}");
    }
    let _ = write!(text, "\n```python\n{}```\n", python_text::code(&proposal.features));
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::llm::profile::FrameProfile;
    use crate::llm::prompt::testing::column;

    fn tx() -> FrameProfile {
        FrameProfile {
            name: "tx".into(),
            rows: 1000,
            columns: vec![
                column("id", "Int64", 0, Some(1000), Some(("1", "1000")), Some(500.5), vec![]),
                column("customer_id", "Int64", 0, Some(80), Some(("1", "80")), Some(40.0), vec![]),
                column("amount", "Float64", 12, Some(900), Some(("0.5", "990")), Some(40.0), vec![]),
                column("quantity", "Int64", 0, Some(9), Some(("1", "9")), Some(2.0), vec![]),
                column("ts", "Datetime(time_unit='us', time_zone=None)", 0, Some(1000), Some(("2024-01-01 00:00:00", "2024-12-31 00:00:00")), None, vec![]),
                column("channel", "String", 0, Some(3), None, None, vec![("web".into(), 600), ("app".into(), 300)]),
                column("churned", "Boolean", 0, Some(2), Some(("false", "true")), Some(0.2), vec![]),
            ],
        }
    }

    fn code_of(answer: &str) -> &str {
        let start = answer.find("```python\n").expect("a python block") + 10;
        let end = answer[start..].find("```").unwrap() + start;
        &answer[start..end]
    }

    #[test]
    fn the_default_proposal_covers_every_family_that_applies_and_never_the_target() {
        let text = answer(&tx(), Some("churned"), "useful features");
        let code = code_of(&text);
        for expected in [
            "pl.col(\"amount\").is_null().cast(pl.Int8).alias(\"amount_missing\")",
            "pl.col(\"ts\").dt.month().alias(\"ts_month\")",
            "(2 * math.pi * pl.col(\"ts\").dt.hour() / 24).sin().alias(\"ts_hour_sin\")",
            "pl.col(\"amount\").log1p().alias(\"amount_log1p\")",
            "(pl.col(\"amount\") / pl.col(\"quantity\")).alias(\"amount_per_quantity\")",
            "pl.col(\"amount\").mean().over(\"customer_id\").alias(\"amount_mean_per_customer_id\")",
            "pl.len().over(\"channel\") / pl.len()",
        ] {
            assert!(code.contains(expected), "missing {expected} in\n{code}");
        }
        assert!(code.starts_with("import math\n"));
        assert!(!code.contains("churned"), "{code}");
        assert!(!code.contains("pl.col(\"id\")"), "a row identifier is no feature: {code}");
        assert!(text.contains("no feature reads the target `churned`"));
    }

    #[test]
    fn the_request_narrows_the_families() {
        let code = code_of(&answer(&tx(), None, "date features")).to_string();
        assert!(code.contains("ts_weekday") && code.contains("ts_month_cos"), "{code}");
        assert!(!code.contains("ts_year"), "every row is in 2024: the year would be constant\n{code}");
        assert!(!code.contains("log1p") && !code.contains("over("), "{code}");
        let per_customer = answer(&tx(), Some("churned"), "spending per customer");
        let code = code_of(&per_customer);
        assert!(code.contains("# statistics per `customer_id`"), "{code}");
        assert!(code.contains("pl.len().over(\"customer_id\").alias(\"customer_id_rows\")"));
        assert!(!code.contains("quantity_mean_per"), "only the money column is asked about: {code}");
    }

    #[test]
    fn a_request_that_cannot_be_met_says_why_and_falls_back() {
        let profile = FrameProfile { name: "n".into(), rows: 10, columns: vec![column("x", "Float64", 0, Some(10), Some(("1", "100")), Some(15.0), vec![])] };
        let text = answer(&profile, None, "date features");
        assert!(text.contains("nothing for date parts: no date or datetime column"), "{text}");
        assert!(text.contains("x_log1p"), "{text}");
        let only_target = FrameProfile { name: "t".into(), rows: 10, columns: vec![column("y", "Float64", 0, Some(10), None, None, vec![])] };
        let text = answer(&only_target, Some("y"), "anything");
        assert!(!text.contains("```"), "{text}");
        assert!(text.contains("found no feature to propose"));
    }

    #[test]
    fn names_never_clash_with_existing_columns() {
        let mut profile = tx();
        profile.columns.push(column("amount_log1p", "Float64", 0, Some(5), None, None, vec![]));
        let code = code_of(&answer(&profile, None, "log transforms")).to_string();
        assert!(code.contains(".alias(\"amount_log1p_2\")"), "{code}");
    }
}
