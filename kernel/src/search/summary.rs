// The end of a search: the kept rounds' code as one `%%fe apply NAME` cell (inserted for review,
// never applied here), the summary (baseline against final metric with spreads, the gain of each
// kept round) and the record kept in the frame's history with the search's provenance.

use std::fmt::Write;

use fe_worker::evaluation::FoldScores;
use fe_worker::search_log::{MeanSpread, SearchRecord, SearchRound};
use sha2::{Digest, Sha256};

use super::decision::gain_text;
use super::rounds::RoundOutcome;
use crate::display::{code_spans, escape_html, text_and_html};
use crate::server::interpreter::MimeBundle;

/// The kept rounds' code, in order, each under a comment with its gain.
pub fn kept_code(rounds: &[RoundOutcome]) -> Option<String> {
    let kept: Vec<&RoundOutcome> = rounds.iter().filter(|r| r.kept()).collect();
    if kept.is_empty() {
        return None;
    }
    let mut code = String::new();
    for (i, round) in kept.iter().enumerate() {
        if i > 0 {
            code.push('\n');
        }
        let _ = writeln!(code, "# search round {}: {}", round.round, round.verdict.reason);
        code.push_str(round.code.as_deref().unwrap_or("").trim_end());
        code.push('\n');
    }
    Some(code)
}

/// The cross-validated score before any round (the first evaluated round's baseline) and after
/// the kept ones (the last kept round's score with its features).
pub fn baseline_and_final(rounds: &[RoundOutcome]) -> Option<(FoldScores, FoldScores)> {
    let baseline = rounds.iter().find_map(|r| r.scores.as_ref())?.baseline.clone();
    let last_kept = rounds.iter().rev().find(|r| r.kept()).and_then(|r| r.scores.as_ref());
    let final_scores = last_kept.map(|s| s.with_candidate.clone()).unwrap_or_else(|| baseline.clone());
    Some((baseline, final_scores))
}

pub struct SummaryFacts<'a> {
    pub frame: &'a str,
    pub version: u32,
    pub target: &'a str,
    pub who: &'a str,
    pub seed: u64,
    pub rounds: &'a [RoundOutcome],
    pub ended: &'a str,
    pub seconds: f64,
}

pub fn view(facts: &SummaryFacts<'_>) -> MimeBundle {
    let mut lines: Vec<String> = Vec::new();
    let kept: Vec<&RoundOutcome> = facts.rounds.iter().filter(|r| r.kept()).collect();
    let first_scores = facts.rounds.iter().find_map(|r| r.scores.as_ref());
    match (baseline_and_final(facts.rounds), first_scores) {
        (Some((baseline, final_scores)), Some(scores)) => {
            let metric = scores.metric.label();
            lines.push(format!(
                "{metric} of the {} on `{}` over {} folds ({} rows, seed {}): baseline {:.4} ± {:.4} → final {:.4} ± {:.4}.",
                scores.model, facts.target, scores.folds, scores.rows, facts.seed, baseline.mean, baseline.std, final_scores.mean, final_scores.std
            ));
        }
        _ => lines.push(format!("No round's code was cross-validated against `{}`.", facts.target)),
    }
    if kept.is_empty() {
        lines.push("No round gained beyond fold noise: nothing is proposed, and `%s` is unchanged.".replace("%s", facts.frame));
    } else {
        for round in &kept {
            let gain = round.scores.as_ref().map(gain_text).unwrap_or_default();
            lines.push(format!("Kept round {}: {} (gain {gain}).", round.round, round.code_summary()));
        }
        lines.push(format!(
            "The kept features are in the `%%fe apply {}` cell inserted below, for review: nothing was applied to `{}` (still at version {}) until you run it.",
            facts.frame, facts.frame, facts.version
        ));
    }
    let counts = decision_counts(facts.rounds);
    lines.push(format!(
        "{} round{} by {} in {:.1} s ({counts}); ended: {}. The search is in `%fe history {}`.",
        facts.rounds.len(),
        if facts.rounds.len() == 1 { "" } else { "s" },
        facts.who,
        facts.seconds,
        facts.ended,
        facts.frame
    ));
    let text = lines.join("\n");
    let html = lines.iter().map(|l| format!("<p>{}</p>", code_spans(l))).collect::<String>();
    text_and_html(text, html)
}

fn decision_counts(rounds: &[RoundOutcome]) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for round in rounds {
        let word = round.verdict.decision.as_str();
        match counts.iter_mut().find(|(w, _)| *w == word) {
            Some((_, n)) => *n += 1,
            None => counts.push((word, 1)),
        }
    }
    counts.iter().map(|(w, n)| format!("{n} {w}")).collect::<Vec<_>>().join(", ")
}

pub struct RecordFacts<'a> {
    pub summary: SummaryFacts<'a>,
    pub provider: &'a str,
    pub model: &'a str,
    pub description: &'a str,
    pub started_unix_ms: u64,
    pub finished_unix_ms: u64,
    pub metric: String,
    pub folds: usize,
}

pub fn record(facts: &RecordFacts<'_>) -> SearchRecord {
    let spread = |s: &FoldScores| MeanSpread { mean: s.mean, std: s.std };
    let scored = baseline_and_final(facts.summary.rounds);
    SearchRecord {
        started_unix_ms: facts.started_unix_ms,
        finished_unix_ms: facts.finished_unix_ms,
        frame_version: facts.summary.version,
        provider: facts.provider.to_string(),
        model: facts.model.to_string(),
        seed: facts.summary.seed,
        target: facts.summary.target.to_string(),
        metric: facts.metric.clone(),
        folds: facts.folds,
        rows: facts.summary.rounds.iter().find_map(|r| r.scores.as_ref()).map(|s| s.rows).unwrap_or(0),
        description_hash: hex::encode(Sha256::digest(facts.description.as_bytes())),
        baseline: scored.as_ref().map(|(b, _)| spread(b)),
        final_score: scored.as_ref().map(|(_, f)| spread(f)),
        rounds: facts
            .summary
            .rounds
            .iter()
            .map(|r| SearchRound {
                round: r.round,
                prompt_hash: r.prompt_hash.clone(),
                code: r.code.clone(),
                decision: r.verdict.decision.as_str().to_string(),
                reason: r.verdict.reason.clone(),
                gain: r.scores.as_ref().map(|s| spread(&s.gain)),
                new_columns: r.new_columns().to_vec(),
            })
            .collect(),
        ended: facts.summary.ended.to_string(),
        kept_code: kept_code(facts.summary.rounds),
    }
}

/// `%fe history`'s lines about a frame's searches.
pub fn history_lines(searches: &[SearchRecord]) -> (String, String) {
    let mut text = String::new();
    let mut html = String::new();
    for search in searches {
        let at = chrono::DateTime::from_timestamp_millis(search.started_unix_ms as i64)
            .map(|t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string())
            .unwrap_or_default();
        let score = match (search.baseline, search.final_score) {
            (Some(b), Some(f)) => format!("{} {:.4} ± {:.4} → {:.4} ± {:.4}", search.metric, b.mean, b.std, f.mean, f.std),
            _ => "nothing cross-validated".into(),
        };
        let kept = search.rounds.iter().filter(|r| r.decision == "kept").count();
        let line = format!(
            "search at {at} on version {} by {} {} (seed {}, {} folds, target `{}`): {} rounds, {kept} kept; {score}; ended: {}",
            search.frame_version, search.provider, search.model, search.seed, search.folds, search.target, search.rounds.len(), search.ended
        );
        let _ = writeln!(text, "{line}");
        let _ = write!(html, "<p>{}</p><ul>", code_spans(&line));
        for round in &search.rounds {
            let round_line = format!("round {} (prompt {}): {} — {}", round.round, round.prompt_hash, round.decision, round.reason);
            let _ = writeln!(text, "    {round_line}");
            let _ = write!(html, "<li>{}</li>", escape_html(&round_line));
        }
        html.push_str("</ul>");
    }
    (text, html)
}

#[cfg(test)]
mod tests {
    use fe_worker::evaluation::candidate_folds::{CandidateScores, SearchMetric};

    use super::*;
    use crate::search::decision::{Decision, Verdict};

    fn scores(base: f64, with: f64) -> CandidateScores {
        CandidateScores {
            name: "t".into(),
            version: 3,
            target: "y".into(),
            metric: SearchMetric::Auc,
            model: "logistic regression".into(),
            folds: 5,
            seed: 42,
            rows: 300,
            rows_with_target: 300,
            baseline_columns: vec!["a".into()],
            new_columns: vec![format!("f{with}")],
            columns_read: vec!["a".into()],
            left_out: Vec::new(),
            baseline: FoldScores::from_folds(vec![base; 5]),
            with_candidate: FoldScores::from_folds(vec![with - 0.01, with, with + 0.01, with, with]),
            gain: FoldScores::from_folds(vec![with - base; 5]),
            corrected_t: f64::INFINITY,
            t_critical: 2.776,
            beyond_noise: with > base,
        }
    }

    fn round(round: usize, decision: Decision, scored: Option<CandidateScores>) -> RoundOutcome {
        RoundOutcome {
            round,
            prompt_hash: format!("p{round}"),
            code: Some(format!("import polars as pl\ndf = df.with_columns(f{round}=pl.col('a') * {round})\n")),
            verdict: Verdict { decision, reason: format!("reason {round}") },
            scores: scored,
            tokens: Some(10),
            seconds: 0.5,
            repairs: 0,
        }
    }

    #[test]
    fn the_cell_holds_the_kept_rounds_only_and_the_final_score_is_the_last_kept_one() {
        let rounds = vec![
            round(1, Decision::Kept, Some(scores(0.7, 0.8))),
            round(2, Decision::Refused, None),
            round(3, Decision::NoGain, Some(scores(0.8, 0.8))),
            round(4, Decision::Kept, Some(scores(0.8, 0.9))),
        ];
        let code = kept_code(&rounds).unwrap();
        assert!(code.starts_with("# search round 1: reason 1\nimport polars as pl\ndf = df.with_columns(f1="), "{code}");
        assert!(code.contains("\n# search round 4: reason 4\n") && !code.contains("f2=") && !code.contains("f3="), "{code}");
        let (baseline, final_scores) = baseline_and_final(&rounds).unwrap();
        assert_eq!((baseline.mean, final_scores.mean), (0.7, 0.9));
        assert!(kept_code(&rounds[1..3]).is_none());
        let facts = SummaryFacts { frame: "t", version: 3, target: "y", who: "builtin", seed: 42, rounds: &rounds, ended: "4 rounds", seconds: 2.0 };
        let text = view(&facts)["text/plain"].as_str().unwrap().to_string();
        assert!(text.contains("baseline 0.7000 ± 0.0000 → final 0.9000 ± 0.0071"), "{text}");
        assert!(text.contains("nothing was applied to `t` (still at version 3) until you run it"), "{text}");
        assert!(text.contains("(2 kept, 1 refused, 1 no gain)"), "{text}");
        let record = record(&RecordFacts {
            summary: facts,
            provider: "builtin",
            model: "builtin-rules-1",
            description: "d",
            started_unix_ms: 1,
            finished_unix_ms: 2,
            metric: "auc".into(),
            folds: 5,
        });
        assert_eq!(record.rounds.iter().map(|r| r.prompt_hash.as_str()).collect::<Vec<_>>(), ["p1", "p2", "p3", "p4"]);
        assert_eq!(record.kept_code, Some(code));
        assert_eq!(record.rows, 300);
    }
}
