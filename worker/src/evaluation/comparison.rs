// The cross-validated comparison: the same model on the same folds, once on the baseline columns
// and once on the baseline plus the evaluated features; per fold, then mean ± std and the paired
// difference, reported whether or not the features help.

use rand::rngs::StdRng;
use rand::seq::index::sample;
use rand::SeedableRng;

use super::auc::macro_one_vs_rest;
use super::columns::Target;
use super::design::{fold_design, ModelColumn};
use super::folds;
use super::models::{self, ModelError};
use super::report::{Comparison, FoldScores, MetricComparison, ModelComparison};

pub const FOLDS: usize = 5;
/// Student's t, two-sided 5%, with FOLDS − 1 = 4 degrees of freedom.
const T_CRITICAL: f64 = 2.776;
pub const SEED: u64 = 42;
/// Larger frames are sampled (with the same seed) to keep the comparison to seconds.
pub const MAX_ROWS: usize = 20_000;

/// What one metric measures on one fold's test rows.
struct Metric {
    name: &'static str,
    higher_is_better: bool,
}

const CLASS_METRICS: [Metric; 2] = [
    Metric { name: "ROC AUC (one-vs-rest, macro)", higher_is_better: true },
    Metric { name: "accuracy", higher_is_better: true },
];
const VALUE_METRICS: [Metric; 2] = [Metric { name: "R²", higher_is_better: true }, Metric { name: "RMSE", higher_is_better: false }];

pub fn compare(
    target: &Target,
    baseline: &[ModelColumn],
    features: &[ModelColumn],
    left_out: Vec<(String, String)>,
) -> Comparison {
    let mut rows: Vec<usize> = (0..target_len(target)).filter(|&r| target.is_present(r)).collect();
    if rows.len() > MAX_ROWS {
        let mut picked = sample(&mut StdRng::seed_from_u64(SEED), rows.len(), MAX_ROWS).into_vec();
        picked.sort_unstable();
        rows = picked.into_iter().map(|i| rows[i]).collect();
    }
    if rows.len() < 2 * FOLDS {
        return Comparison::Skipped { reason: format!("only {} rows have a target; {} folds need at least {}", rows.len(), FOLDS, 2 * FOLDS) };
    }
    let labels: Option<Vec<usize>> = match target {
        Target::Categorical { labels, .. } => Some(rows.iter().map(|&r| labels[r].expect("present")).collect()),
        Target::Numeric(_) => None,
    };
    let fold_of = folds::assign(rows.len(), FOLDS, SEED, labels.as_deref());
    let baseline_refs: Vec<&ModelColumn> = baseline.iter().collect();
    let all_refs: Vec<&ModelColumn> = baseline.iter().chain(features).collect();
    let mut scores: [[Vec<f64>; 2]; 2] = Default::default(); // [model][metric]
    for fold in 0..FOLDS {
        let train: Vec<usize> = (0..rows.len()).filter(|&i| fold_of[i] != fold).map(|i| rows[i]).collect();
        let test: Vec<usize> = (0..rows.len()).filter(|&i| fold_of[i] == fold).map(|i| rows[i]).collect();
        for (model, columns) in [&baseline_refs, &all_refs].into_iter().enumerate() {
            let fold_scores = match score_fold(target, columns, &train, &test) {
                Ok(fold_scores) => fold_scores,
                Err(e) => return Comparison::Skipped { reason: format!("{e} (fold {} of {FOLDS})", fold + 1) },
            };
            for (metric, value) in fold_scores.into_iter().enumerate() {
                scores[model][metric].push(value);
            }
        }
    }
    let (model, metrics) = match target {
        Target::Categorical { .. } => (models::CLASSIFIER, &CLASS_METRICS),
        Target::Numeric(_) => (models::REGRESSOR, &VALUE_METRICS),
    };
    let [baseline_scores, feature_scores] = scores;
    let metrics = metrics
        .iter()
        .zip(baseline_scores.into_iter().zip(feature_scores))
        .map(|(metric, (base, with))| {
            let delta: Vec<f64> = with.iter().zip(&base).map(|(w, b)| w - b).collect();
            let folds_improved = delta.iter().filter(|d| if metric.higher_is_better { **d > 0.0 } else { **d < 0.0 }).count();
            let delta = FoldScores::from_folds(delta);
            MetricComparison {
                metric: metric.name.to_string(),
                higher_is_better: metric.higher_is_better,
                baseline: FoldScores::from_folds(base),
                with_features: FoldScores::from_folds(with),
                corrected_t: corrected_t(&delta),
                t_critical: T_CRITICAL,
                delta,
                folds_improved,
            }
        })
        .collect();
    Comparison::Done(ModelComparison {
        model: model.to_string(),
        folds: FOLDS,
        seed: SEED,
        rows: rows.len(),
        baseline_columns: baseline.iter().map(|c| c.name.clone()).collect(),
        feature_columns: features.iter().map(|c| c.name.clone()).collect(),
        left_out,
        metrics,
    })
}

/// Nadeau & Bengio's corrected resampled t: the k fold differences are not independent (their
/// training sets overlap), so the variance of their mean is taken as s² (1/k + 1/(k − 1)).
pub(super) fn corrected_t(delta: &FoldScores) -> f64 {
    let k = delta.per_fold.len() as f64;
    let standard_error = delta.std * (1.0 / k + 1.0 / (k - 1.0)).sqrt();
    if standard_error > 0.0 {
        delta.mean / standard_error
    } else if delta.mean == 0.0 {
        0.0
    } else {
        delta.mean.signum() * f64::INFINITY
    }
}

fn target_len(target: &Target) -> usize {
    match target {
        Target::Categorical { labels, .. } => labels.len(),
        Target::Numeric(values) => values.len(),
    }
}

/// The two metrics of one model on one fold.
fn score_fold(target: &Target, columns: &[&ModelColumn], train: &[usize], test: &[usize]) -> Result<[f64; 2], ModelError> {
    let design = fold_design(columns, train, test);
    match target {
        Target::Categorical { classes, labels } => {
            let train_labels: Vec<usize> = train.iter().map(|&r| labels[r].expect("present")).collect();
            let test_labels: Vec<usize> = test.iter().map(|&r| labels[r].expect("present")).collect();
            let p = models::class_probabilities(&design.train, &train_labels, &design.test, design.width, classes.len())?;
            let auc = macro_one_vs_rest(&test_labels, classes.len(), |class| {
                p.iter().map(|row| row[class]).collect()
            })
            .unwrap_or(0.5);
            Ok([auc, accuracy(&p, &test_labels)])
        }
        Target::Numeric(values) => {
            let train_y: Vec<f64> = train.iter().map(|&r| values[r].expect("present")).collect();
            let test_y: Vec<f64> = test.iter().map(|&r| values[r].expect("present")).collect();
            let predicted = models::predicted_values(&design.train, &train_y, &design.test, design.width)?;
            Ok([r_squared(&predicted, &test_y), rmse(&predicted, &test_y)])
        }
    }
}

/// Share of rows whose most probable class is the true one (the first class wins ties).
fn accuracy(probabilities: &[Vec<f64>], labels: &[usize]) -> f64 {
    let hits = probabilities
        .iter()
        .zip(labels)
        .filter(|(p, &label)| {
            let best = p.iter().enumerate().fold(0, |best, (i, v)| if *v > p[best] { i } else { best });
            best == label
        })
        .count();
    hits as f64 / labels.len() as f64
}

/// 1 − residual / total sum of squares around the test rows' mean (as scikit-learn's r2_score).
pub(super) fn r_squared(predicted: &[f64], actual: &[f64]) -> f64 {
    let mean = actual.iter().sum::<f64>() / actual.len() as f64;
    let residual: f64 = predicted.iter().zip(actual).map(|(p, a)| (a - p).powi(2)).sum();
    let total: f64 = actual.iter().map(|a| (a - mean).powi(2)).sum();
    if total == 0.0 {
        return 0.0;
    }
    1.0 - residual / total
}

pub(super) fn rmse(predicted: &[f64], actual: &[f64]) -> f64 {
    (predicted.iter().zip(actual).map(|(p, a)| (a - p).powi(2)).sum::<f64>() / actual.len() as f64).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluation::design::ModelValues;

    fn column(name: &str, values: Vec<f64>) -> ModelColumn {
        ModelColumn { name: name.into(), values: ModelValues::Numeric(values.into_iter().map(Some).collect()) }
    }

    use crate::evaluation::test_noise::noise;

    #[test]
    fn a_feature_carrying_the_signal_beats_a_noise_baseline() {
        let n = 400;
        let signal = noise(n, 1);
        let labels: Vec<Option<usize>> = signal.iter().map(|s| Some(usize::from(*s > 0.5))).collect();
        let target = Target::Categorical { classes: vec!["a".into(), "b".into()], labels };
        let Comparison::Done(result) = compare(&target, &[column("n", noise(n, 2))], &[column("s", signal)], Vec::new()) else {
            panic!("the comparison ran")
        };
        let auc = &result.metrics[0];
        assert!(auc.baseline.mean < 0.65 && auc.with_features.mean > 0.95, "{auc:?}");
        assert_eq!((auc.folds_improved, auc.baseline.per_fold.len()), (5, 5));
        assert!((auc.delta.mean - (auc.with_features.mean - auc.baseline.mean)).abs() < 1e-12);
    }

    #[test]
    fn a_useless_feature_is_reported_as_no_gain_for_a_numeric_target() {
        let n = 300;
        let x = noise(n, 3);
        let target = Target::Numeric(x.iter().map(|v| Some(2.0 * v + 1.0)).collect());
        let Comparison::Done(result) = compare(&target, &[column("x", x)], &[column("junk", noise(n, 4))], Vec::new()) else {
            panic!("the comparison ran")
        };
        let r2 = &result.metrics[0];
        assert!(r2.baseline.mean > 0.99, "{r2:?}");
        assert!(r2.delta.mean.abs() < 0.01, "{r2:?}");
        assert_eq!(result.metrics[1].metric, "RMSE");
        assert!(!result.metrics[1].higher_is_better);
    }

    #[test]
    fn the_corrected_t_widens_the_standard_error_for_overlapping_folds() {
        // Mean 0.1, sample variance 0.02 / 4 = 0.005: the naive t = 0.1 / √(0.005 / 5) = 3.162
        // would pass the 5% level (2.776); corrected, 0.1 / √(0.005 × (1/5 + 1/4)) = 2.108 does not.
        let delta = FoldScores::from_folds(vec![0.0, 0.1, 0.2, 0.1, 0.1]);
        let t = corrected_t(&delta);
        assert!((t - 2.1082).abs() < 1e-4, "{t}");
        assert_eq!(corrected_t(&FoldScores::from_folds(vec![0.0; 5])), 0.0);
        assert_eq!(corrected_t(&FoldScores::from_folds(vec![-0.1; 5])), f64::NEG_INFINITY);
    }

    #[test]
    fn metrics_match_hand_computed_values() {
        assert_eq!(accuracy(&[vec![0.2, 0.8], vec![0.6, 0.4], vec![0.5, 0.5]], &[1, 1, 0]), 2.0 / 3.0);
        // actual 1, 2, 3 (mean 2, total 2), predicted 1, 2, 4 (residual 1): R² = 0.5.
        assert_eq!(r_squared(&[1.0, 2.0, 4.0], &[1.0, 2.0, 3.0]), 0.5);
        assert!((rmse(&[1.0, 2.0, 4.0], &[1.0, 2.0, 3.0]) - (1.0f64 / 3.0).sqrt()).abs() < 1e-12);
    }
}
