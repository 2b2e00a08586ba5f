// What one search round produced: its prompt's hash, the code the provider gave, the verdict,
// the cross-validated scores when there are any, and what the round cost (tokens, seconds).

use fe_worker::evaluation::candidate_folds::CandidateScores;

use super::decision::{Decision, Verdict};

#[derive(Clone, Debug)]
pub struct RoundOutcome {
    pub round: usize,
    pub prompt_hash: String,
    pub code: Option<String>,
    pub verdict: Verdict,
    pub scores: Option<CandidateScores>,
    /// Input plus output tokens as the provider reported them (`None` when it reported none).
    pub tokens: Option<u64>,
    pub seconds: f64,
    /// Answers sent back for repair in this round.
    pub repairs: usize,
}

impl RoundOutcome {
    pub fn kept(&self) -> bool {
        self.verdict.decision == Decision::Kept
    }

    /// The columns the round's code added (when it was evaluated).
    pub fn new_columns(&self) -> &[String] {
        self.scores.as_ref().map(|s| s.new_columns.as_slice()).unwrap_or(&[])
    }

    /// A short description of the code: its new columns, or its first line of code.
    pub fn code_summary(&self) -> String {
        if !self.new_columns().is_empty() {
            return self.new_columns().iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ");
        }
        let Some(code) = &self.code else { return "—".into() };
        let line = code
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with("import "))
            .unwrap_or("");
        let mut short: String = line.chars().take(60).collect();
        if line.chars().count() > 60 {
            short.push('…');
        }
        short
    }
}
