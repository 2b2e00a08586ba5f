// The decision rule of a search round: what the round's outcome means, in one word and a
// reason. A feature set is kept only when its cross-validated gain is positive beyond fold noise
// (the worker's corrected resampled t over the folds) and it does not read the target.

use fe_worker::evaluation::candidate_folds::CandidateScores;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Kept,
    /// The checker refused the code, also after the repairs.
    Refused,
    /// The code failed when it ran (on a fold), also after the repairs.
    Error,
    /// The code reads the target column.
    Leakage,
    /// Evaluated, but the gain is not beyond fold noise.
    NoGain,
    /// The provider gave no code.
    NoCode,
    /// The round did not finish (interrupt, provider or worker failure).
    Stopped,
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Kept => "kept",
            Decision::Refused => "refused",
            Decision::Error => "error",
            Decision::Leakage => "leakage",
            Decision::NoGain => "no gain",
            Decision::NoCode => "no code",
            Decision::Stopped => "stopped",
        }
    }
}

/// A decision with the sentence that explains it.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub decision: Decision,
    pub reason: String,
}

/// `+0.0213 ± 0.0041`: mean gain and its spread (the sample standard deviation over the folds).
pub fn gain_text(scores: &CandidateScores) -> String {
    format!("{:+.4} ± {:.4}", scores.gain.mean, scores.gain.std)
}

/// The verdict on code that was cross-validated.
pub fn judge(scores: &CandidateScores) -> Verdict {
    let metric = scores.metric.label();
    if scores.columns_read.iter().any(|c| *c == scores.target) {
        return Verdict {
            decision: Decision::Leakage,
            reason: format!(
                "target leakage: the code reads the target `{}` (its {metric} gain of {} would not hold on new rows)",
                scores.target,
                gain_text(scores)
            ),
        };
    }
    let t = format_t(scores.corrected_t);
    if scores.beyond_noise {
        return Verdict {
            decision: Decision::Kept,
            reason: format!(
                "{metric} gain {} over {} folds; corrected t {t} > {:.3}",
                gain_text(scores),
                scores.folds,
                scores.t_critical
            ),
        };
    }
    Verdict {
        decision: Decision::NoGain,
        reason: format!(
            "{metric} gain {} over {} folds is within fold noise (corrected t {t} ≤ {:.3})",
            gain_text(scores),
            scores.folds,
            scores.t_critical
        ),
    }
}

fn format_t(t: f64) -> String {
    if t.is_infinite() {
        if t > 0.0 { "+∞".into() } else { "−∞".into() }
    } else {
        format!("{t:.2}")
    }
}

#[cfg(test)]
mod tests {
    use fe_worker::evaluation::candidate_folds::SearchMetric;
    use fe_worker::evaluation::FoldScores;

    use super::*;

    fn scores(gains: Vec<f64>, read: &[&str]) -> CandidateScores {
        let gain = FoldScores::from_folds(gains);
        let k = gain.per_fold.len() as f64;
        let corrected_t = gain.mean / (gain.std * (1.0 / k + 1.0 / (k - 1.0)).sqrt());
        CandidateScores {
            name: "t".into(),
            version: 1,
            target: "y".into(),
            metric: SearchMetric::Auc,
            model: "m".into(),
            folds: gain.per_fold.len(),
            seed: 42,
            rows: 100,
            rows_with_target: 100,
            baseline_columns: vec!["a".into()],
            new_columns: vec!["f".into()],
            columns_read: read.iter().map(|c| c.to_string()).collect(),
            left_out: Vec::new(),
            baseline: FoldScores::from_folds(vec![0.7; 5]),
            with_candidate: FoldScores::from_folds(vec![0.8; 5]),
            beyond_noise: gain.mean > 0.0 && corrected_t > 2.776,
            gain,
            corrected_t,
            t_critical: 2.776,
        }
    }

    #[test]
    fn a_gain_beyond_fold_noise_is_kept_and_one_within_it_is_not() {
        let kept = judge(&scores(vec![0.05, 0.06, 0.04, 0.05, 0.055], &["a"]));
        assert_eq!(kept.decision, Decision::Kept);
        assert!(kept.reason.starts_with("ROC AUC gain +0.0510 ± 0.0074 over 5 folds; corrected t"), "{}", kept.reason);
        let noisy = judge(&scores(vec![0.05, -0.04, 0.03, -0.02, 0.01], &["a"]));
        assert_eq!(noisy.decision, Decision::NoGain);
        assert!(noisy.reason.contains("within fold noise") && noisy.reason.contains("≤ 2.776"), "{}", noisy.reason);
    }

    #[test]
    fn reading_the_target_is_leakage_whatever_the_gain() {
        let leak = judge(&scores(vec![0.2, 0.21, 0.19, 0.2, 0.2], &["a", "y"]));
        assert_eq!(leak.decision, Decision::Leakage);
        assert!(leak.reason.contains("target leakage: the code reads the target `y`"), "{}", leak.reason);
    }
}
