// The prompt of a search round: the suggest system message plus the search's rules, and a
// user request made of the cell's description and what earlier rounds kept and rejected (with
// their gains and reasons), so the next proposal learns from them.

use std::fmt::Write;

use super::decision::Decision;
use super::rounds::RoundOutcome;
use crate::suggest::language_rules;

/// The suggest rules, then what a search round must do.
pub fn system_message() -> String {
    let mut text = language_rules::system_message();
    text.push_str(
        "\n\nThis is one round of an automated feature search. Each round proposes ONE small set of new \
         columns (one to three) that should help a simple model predict the target. The kernel keeps \
         them only if a cross-validated model gains beyond the noise between folds. Your code must keep \
         every row and every existing column, add new columns with `df = df.with_columns(...)`, never \
         read the target column, and use only statistics that can be learned on training rows (no rank, \
         qcut or similar whole-column comparisons).",
    );
    text
}

/// What the round asks: the user's description, the goal, and the search so far.
pub fn request(description: &str, target: &str, metric: &str, folds: usize, earlier: &[RoundOutcome]) -> String {
    let mut text = String::new();
    let description = description.trim();
    if !description.is_empty() {
        let _ = writeln!(text, "{description}\n");
    }
    let _ = writeln!(
        text,
        "Round {} of the search: propose new columns that help predict `{target}`, measured by {metric} over {folds} folds.",
        earlier.len() + 1
    );
    let kept: Vec<&RoundOutcome> = earlier.iter().filter(|r| r.kept()).collect();
    if !kept.is_empty() {
        text.push_str("\nKept so far (these columns exist now; you may use them, do not repeat them):\n");
        for round in &kept {
            let _ = writeln!(text, "- round {}: {} — {}", round.round, round.code_summary(), round.verdict.reason);
        }
    }
    let rejected: Vec<&RoundOutcome> = earlier.iter().filter(|r| !r.kept() && r.verdict.decision != Decision::Stopped).collect();
    if !rejected.is_empty() {
        text.push_str("\nRejected so far (do not propose these again):\n");
        for round in &rejected {
            let _ = writeln!(text, "- round {} ({}): {} — {}", round.round, round.verdict.decision.as_str(), round.code_summary(), round.verdict.reason);
        }
    }
    let _ = write!(
        text,
        "\nAnswer with one ```python block that adds one to three new columns; never read `{target}`."
    );
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::decision::Verdict;

    fn outcome(round: usize, decision: Decision, code: &str, reason: &str) -> RoundOutcome {
        RoundOutcome {
            round,
            prompt_hash: "h".into(),
            code: Some(code.into()),
            verdict: Verdict { decision, reason: reason.into() },
            scores: None,
            tokens: None,
            seconds: 0.1,
            repairs: 0,
        }
    }

    #[test]
    fn the_request_carries_the_description_the_kept_and_the_rejected_rounds() {
        let earlier = [
            outcome(1, Decision::Kept, "import polars as pl\ndf = df.with_columns(ab=pl.col('a') * pl.col('b'))", "ROC AUC gain +0.2"),
            outcome(2, Decision::Refused, "df = df.with_columns(x=pl.col('a').map_elements(f))", "FE104 `map_elements` is not allowed"),
            outcome(3, Decision::Leakage, "df = df.with_columns(z=pl.col('y'))", "target leakage"),
        ];
        let text = request("Breast cancer cells.", "y", "ROC AUC", 5, &earlier);
        assert!(text.starts_with("Breast cancer cells.\n\nRound 4 of the search: propose new columns that help predict `y`, measured by ROC AUC over 5 folds."), "{text}");
        assert!(text.contains("Kept so far (these columns exist now; you may use them, do not repeat them):\n- round 1: df = df.with_columns(ab=pl.col('a') * pl.col('b')) — ROC AUC gain +0.2"), "{text}");
        assert!(text.contains("- round 2 (refused): df = df.with_columns(x=pl.col('a').map_elements(f)) — FE104"), "{text}");
        assert!(text.contains("- round 3 (leakage):"), "{text}");
        assert!(system_message().contains("ONE small set of new columns"));
    }
}
