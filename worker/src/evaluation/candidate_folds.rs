// One round of `%%fe search`, computed where the data lives: the kept feature steps and one
// candidate step are fitted on each training fold and applied to its test fold, then the same
// model is scored per fold with and without the candidate's columns.
//
// Nothing is learned from a test fold: every statistic in the steps comes from the fold's
// training rows (a fitted replay, `cell_runner::run_fitted`), and so do the model's scaling and
// one-hot levels (`design`). The decision statistic is Nadeau & Bengio's corrected resampled t.

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;

use polars::error::abort::catch_polars_abort;
use polars::prelude::*;
use rand::rngs::StdRng;
use rand::seq::index::sample;
use rand::SeedableRng;
use serde::{Deserialize, Serialize};

use super::auc::macro_one_vs_rest;
use super::columns::{self, Feature, Target};
use super::comparison::{corrected_t, r_squared, rmse};
use super::design::{fold_design, ModelColumn};
use super::report::FoldScores;
use super::{folds, models, push_model_column, EvaluationError};
use crate::cell_runner;
use crate::protocol::{Failure, FailureClass};
use crate::service::{interrupted, store_failure};
use crate::store::FrameStore;

/// Fewest and most folds a search may use.
pub const MIN_FOLDS: usize = 2;
pub const MAX_FOLDS: usize = 20;
/// Probabilities are clipped to [ε, 1] before the logarithm of the log loss.
const LOG_LOSS_EPSILON: f64 = 1e-15;

/// What a search optimises, measured on each test fold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SearchMetric {
    Auc,
    Logloss,
    Rmse,
    R2,
}

impl SearchMetric {
    pub const ALL: [SearchMetric; 4] = [SearchMetric::Auc, SearchMetric::Logloss, SearchMetric::Rmse, SearchMetric::R2];

    pub fn parse(text: &str) -> Option<SearchMetric> {
        SearchMetric::ALL.into_iter().find(|m| m.as_str() == text.to_ascii_lowercase())
    }

    /// As `--metric` spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            SearchMetric::Auc => "auc",
            SearchMetric::Logloss => "logloss",
            SearchMetric::Rmse => "rmse",
            SearchMetric::R2 => "r2",
        }
    }

    /// As tables name it.
    pub fn label(self) -> &'static str {
        match self {
            SearchMetric::Auc => "ROC AUC",
            SearchMetric::Logloss => "log loss",
            SearchMetric::Rmse => "RMSE",
            SearchMetric::R2 => "R²",
        }
    }

    pub fn higher_is_better(self) -> bool {
        matches!(self, SearchMetric::Auc | SearchMetric::R2)
    }

    /// True for the metrics of a class target, false for those of a numeric one.
    pub fn for_classes(self) -> bool {
        matches!(self, SearchMetric::Auc | SearchMetric::Logloss)
    }
}

/// What one search round asks the worker to cross-validate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CandidateSpec {
    pub target: String,
    /// The feature steps kept so far, in order (each a cell of feature code).
    pub kept: Vec<String>,
    /// The round's feature code: it must keep every row and add at least one column.
    pub candidate: String,
    /// `None`: ROC AUC for a class target, R² for a numeric one.
    pub metric: Option<SearchMetric>,
    pub folds: usize,
    /// At most this many rows with a target take part (sampled with `seed`).
    pub sample_rows: usize,
    pub seed: u64,
}

/// The per-fold scores of the model without (baseline: the frame and the kept steps) and with
/// the candidate's columns, on the same folds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CandidateScores {
    pub name: String,
    pub version: u32,
    pub target: String,
    pub metric: SearchMetric,
    pub model: String,
    pub folds: usize,
    pub seed: u64,
    /// Rows that took part, and the rows with a target they were sampled from.
    pub rows: usize,
    pub rows_with_target: usize,
    pub baseline_columns: Vec<String>,
    /// The columns the candidate added.
    pub new_columns: Vec<String>,
    /// Columns of the input frames the candidate read (from the feature language).
    pub columns_read: Vec<String>,
    /// Columns left out of the models, with the reason.
    pub left_out: Vec<(String, String)>,
    pub baseline: FoldScores,
    pub with_candidate: FoldScores,
    /// Per fold, how much better the metric is with the candidate (positive: better, for every
    /// metric: with − baseline when higher is better, baseline − with when lower is).
    pub gain: FoldScores,
    /// The mean gain over its standard error corrected for overlapping training folds
    /// (Nadeau & Bengio 2003: variance × (1/k + 1/(k − 1))).
    pub corrected_t: f64,
    /// Student's t at 0.975 with k − 1 degrees of freedom.
    pub t_critical: f64,
    /// The gain is positive beyond fold noise: mean gain > 0 and corrected t > t_critical.
    pub beyond_noise: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum CandidateError {
    #[error("--folds {folds} is out of range; a search uses {MIN_FOLDS} to {MAX_FOLDS} folds")]
    FoldsOutOfRange { folds: usize },
    #[error("--sample must be at least {needed} rows ({folds} folds of at least 2)")]
    SampleTooSmall { folds: usize, needed: usize },
    #[error("only {rows} rows have a target; {folds} folds need at least {needed}")]
    TooFewRows { rows: usize, folds: usize, needed: usize },
    #[error("--metric {metric} is for {wanted} targets, but `{target}` is {kind}; use {choices}")]
    MetricForTarget { metric: &'static str, wanted: &'static str, target: String, kind: &'static str, choices: &'static str },
    #[error("{step} changed the number of rows ({before} → {after}) on a fold; search features must keep every row, in order (use with_columns)")]
    RowsChanged { step: String, before: usize, after: usize },
    #[error("the code dropped {columns}; search features add columns and keep the others")]
    DroppedColumns { columns: String },
    #[error("the code changed the existing {columns}; search features add new columns and leave the others as they are")]
    ChangedColumns { columns: String },
    #[error("the code added no column; a search round must add at least one new column")]
    NoNewColumns,
    #[error("{0}")]
    Evaluation(#[from] EvaluationError),
    #[error("{0}")]
    Model(#[from] models::ModelError),
    #[error("Polars: {0}")]
    Polars(#[from] PolarsError),
}

impl CandidateError {
    fn failure(self, unchanged: &str) -> Failure {
        let class = match &self {
            CandidateError::FoldsOutOfRange { .. }
            | CandidateError::SampleTooSmall { .. }
            | CandidateError::TooFewRows { .. }
            | CandidateError::MetricForTarget { .. } => FailureClass::UsageError,
            CandidateError::Evaluation(e) if !matches!(e, EvaluationError::Polars(_)) => FailureClass::UsageError,
            _ => FailureClass::ExecutionError,
        };
        Failure { class, message: format!("{self}; {unchanged}"), rendered: None, diagnostics: Vec::new() }
    }
}

/// The worker's answer to `Request::CrossValidate` (interruptible at Polars' check points).
pub fn answer(store: &FrameStore, name: &str, spec: &CandidateSpec) -> Result<CandidateScores, Failure> {
    let (df, record) = store.frame(name).map_err(store_failure)?;
    let unchanged = format!("frame `{name}` is unchanged (a search round changes nothing)");
    let frames = store.current_frames();
    catch_polars_abort(AssertUnwindSafe(|| cross_validate(df, frames, name, record.version, spec, &unchanged)))
        .map_err(|_| interrupted(&unchanged))?
}

/// Cross-validates `spec` on `df` (the current version of `name`; `frames` are every frame
/// by name, for code that joins another one).
pub fn cross_validate(
    df: &DataFrame,
    frames: &HashMap<String, DataFrame>,
    name: &str,
    version: u32,
    spec: &CandidateSpec,
    unchanged: &str,
) -> Result<CandidateScores, Failure> {
    let fail = |e: CandidateError| e.failure(unchanged);
    let k = spec.folds;
    if !(MIN_FOLDS..=MAX_FOLDS).contains(&k) {
        return Err(fail(CandidateError::FoldsOutOfRange { folds: k }));
    }
    if spec.sample_rows < 2 * k {
        return Err(fail(CandidateError::SampleTooSmall { folds: k, needed: 2 * k }));
    }
    if df.column(&spec.target).is_err() {
        let known = df.get_column_names().iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ");
        return Err(fail(EvaluationError::UnknownColumn { frame: name.into(), column: spec.target.clone(), known }.into()));
    }
    let target = columns::target(df, &spec.target).map_err(|e| fail(e.into()))?;
    let metric = metric_for(spec, &target).map_err(fail)?;
    let present: Vec<usize> = (0..df.height()).filter(|&r| target.is_present(r)).collect();
    let rows_with_target = present.len();
    let rows = sampled(present, spec.sample_rows, spec.seed);
    if rows.len() < 2 * k {
        return Err(fail(CandidateError::TooFewRows { rows: rows.len(), folds: k, needed: 2 * k }));
    }
    let labels: Option<Vec<usize>> = match &target {
        Target::Categorical { labels, .. } => Some(rows.iter().map(|&r| labels[r].expect("present")).collect()),
        Target::Numeric(_) => None,
    };
    let fold_of = folds::assign(rows.len(), k, spec.seed, labels.as_deref());
    let mut baseline = Vec::with_capacity(k);
    let mut with_candidate = Vec::with_capacity(k);
    let mut described: Option<(Vec<String>, Vec<String>, Vec<String>, Vec<(String, String)>)> = None;
    for fold in 0..k {
        let train: Vec<usize> = (0..rows.len()).filter(|&i| fold_of[i] != fold).map(|i| rows[i]).collect();
        let test: Vec<usize> = (0..rows.len()).filter(|&i| fold_of[i] == fold).map(|i| rows[i]).collect();
        let fold_frames = FoldFrames::of(df, &train, &test).map_err(|e| fail(e.into()))?;
        let (mut before, mut columns_read) = (fold_frames, Vec::new());
        for (i, step) in spec.kept.iter().enumerate() {
            before = run_step(step, &format!("kept step {}", i + 1), name, frames, before, unchanged)?.0;
        }
        let (after, read) = run_step(&spec.candidate, "the code", name, frames, before.clone(), unchanged)?;
        columns_read.extend(read);
        let new_columns = added_columns(&before.train, &after.train).map_err(fail)?;
        let baseline_names: Vec<String> =
            before.train.get_column_names().iter().map(|c| c.to_string()).filter(|c| *c != spec.target).collect();
        let mut left_out = Vec::new();
        let baseline_columns = model_columns(&after, &baseline_names, &mut left_out).map_err(fail)?;
        let candidate_columns = model_columns(&after, &new_columns, &mut left_out).map_err(fail)?;
        let fold_labels = FoldTarget::of(&target, &train, &test);
        let base_refs: Vec<&ModelColumn> = baseline_columns.iter().collect();
        let all_refs: Vec<&ModelColumn> = baseline_columns.iter().chain(&candidate_columns).collect();
        baseline.push(score(metric, &fold_labels, &base_refs).map_err(fail)?);
        with_candidate.push(score(metric, &fold_labels, &all_refs).map_err(fail)?);
        if described.is_none() {
            described = Some((baseline_names, new_columns, columns_read, left_out));
        }
    }
    let (baseline_columns, new_columns, columns_read, left_out) = described.expect("at least two folds");
    let gain: Vec<f64> = with_candidate
        .iter()
        .zip(&baseline)
        .map(|(with, base)| if metric.higher_is_better() { with - base } else { base - with })
        .collect();
    let gain = FoldScores::from_folds(gain);
    let t = corrected_t(&gain);
    let t_critical = t_critical_975(k - 1);
    Ok(CandidateScores {
        name: name.to_string(),
        version,
        target: spec.target.clone(),
        metric,
        model: if metric.for_classes() { models::CLASSIFIER } else { models::REGRESSOR }.to_string(),
        folds: k,
        seed: spec.seed,
        rows: rows.len(),
        rows_with_target,
        baseline_columns,
        new_columns,
        columns_read,
        left_out,
        baseline: FoldScores::from_folds(baseline),
        with_candidate: FoldScores::from_folds(with_candidate),
        beyond_noise: gain.mean > 0.0 && t > t_critical,
        gain,
        corrected_t: t,
        t_critical,
    })
}

/// The metric asked for, if it fits the target; else the default for the target.
fn metric_for(spec: &CandidateSpec, target: &Target) -> Result<SearchMetric, CandidateError> {
    let classes = matches!(target, Target::Categorical { .. });
    match spec.metric {
        None if classes => Ok(SearchMetric::Auc),
        None => Ok(SearchMetric::R2),
        Some(metric) if metric.for_classes() == classes => Ok(metric),
        Some(metric) => Err(CandidateError::MetricForTarget {
            metric: metric.as_str(),
            wanted: if metric.for_classes() { "class" } else { "numeric" },
            target: spec.target.clone(),
            kind: if classes { "a class target (a string, a boolean or an integer with few values)" } else { "a numeric target" },
            choices: if classes { "auc or logloss" } else { "rmse or r2" },
        }),
    }
}

/// `rows` itself when it has at most `limit` rows, else `limit` of them drawn with `seed`, in order.
fn sampled(rows: Vec<usize>, limit: usize, seed: u64) -> Vec<usize> {
    if rows.len() <= limit {
        return rows;
    }
    let mut picked = sample(&mut StdRng::seed_from_u64(seed), rows.len(), limit).into_vec();
    picked.sort_unstable();
    picked.into_iter().map(|i| rows[i]).collect()
}

/// A fold's training and test rows as frames, in the frame's row order.
#[derive(Clone)]
struct FoldFrames {
    train: DataFrame,
    test: DataFrame,
}

impl FoldFrames {
    fn of(df: &DataFrame, train: &[usize], test: &[usize]) -> PolarsResult<FoldFrames> {
        let take = |rows: &[usize]| df.take(&IdxCa::from_vec("rows".into(), rows.iter().map(|&r| r as IdxSize).collect()));
        Ok(FoldFrames { train: take(train)?, test: take(test)? })
    }
}

/// Runs one step on a fold: on the training rows as they are, on the test rows fitted on the
/// training rows. Also the columns the step read.
fn run_step(
    code: &str,
    step: &str,
    name: &str,
    frames: &HashMap<String, DataFrame>,
    fold: FoldFrames,
    unchanged: &str,
) -> Result<(FoldFrames, Vec<String>), Failure> {
    let bound = |df: &DataFrame| {
        let mut frames = frames.clone();
        frames.insert(name.to_string(), df.clone());
        frames
    };
    let trained = cell_runner::run(code, 1, name, &bound(&fold.train), unchanged)?;
    let applied = cell_runner::run_fitted(code, name, &bound(&fold.test), fold.train.clone(), unchanged).map_err(|mut failure| {
        failure.message = format!(
            "on a test fold, with the statistics fitted on its training rows (as `%fe replay` does; a search never computes a statistic on the rows it scores): {}",
            failure.message
        );
        failure
    })?;
    for (before, after) in [(&fold.train, &trained.frame), (&fold.test, &applied.frame)] {
        if before.height() != after.height() {
            let error = CandidateError::RowsChanged { step: step.to_string(), before: before.height(), after: after.height() };
            return Err(error.failure(unchanged));
        }
    }
    Ok((FoldFrames { train: trained.frame, test: applied.frame }, trained.columns_read))
}

/// The columns `after` adds to `before`; an error when it drops or changes one of `before`'s.
fn added_columns(before: &DataFrame, after: &DataFrame) -> Result<Vec<String>, CandidateError> {
    let quoted = |names: Vec<String>| names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
    let mut dropped = Vec::new();
    let mut changed = Vec::new();
    for column in before.columns() {
        match after.column(column.name()) {
            Err(_) => dropped.push(column.name().to_string()),
            Ok(now) if !now.as_materialized_series().equals_missing(column.as_materialized_series()) => {
                changed.push(column.name().to_string())
            }
            Ok(_) => {}
        }
    }
    if !dropped.is_empty() {
        return Err(CandidateError::DroppedColumns { columns: quoted(dropped) });
    }
    if !changed.is_empty() {
        return Err(CandidateError::ChangedColumns { columns: quoted(changed) });
    }
    let added: Vec<String> =
        after.get_column_names().iter().map(|c| c.to_string()).filter(|c| before.column(c).is_err()).collect();
    if added.is_empty() {
        return Err(CandidateError::NoNewColumns);
    }
    Ok(added)
}

/// `names` as model columns over the fold's training rows then its test rows.
fn model_columns(fold: &FoldFrames, names: &[String], left_out: &mut Vec<(String, String)>) -> Result<Vec<ModelColumn>, CandidateError> {
    let mut out = Vec::new();
    for name in names {
        let (Some(train), Some(test)) = (columns::feature(&fold.train, name)?, columns::feature(&fold.test, name)?) else {
            left_out.push((name.clone(), "not a number, boolean, date/time or string".into()));
            continue;
        };
        let feature = match (train, test) {
            (Feature::Numeric(mut a), Feature::Numeric(b)) => {
                a.extend(b);
                Feature::Numeric(a)
            }
            (Feature::Categorical(mut a), Feature::Categorical(b)) => {
                a.extend(b);
                Feature::Categorical(a)
            }
            _ => {
                left_out.push((name.clone(), "its type differs between training and test rows".into()));
                continue;
            }
        };
        push_model_column(name, feature, &mut out, left_out);
    }
    Ok(out)
}

/// The target of a fold: training rows first, then test rows (the order of the model columns).
enum FoldTarget {
    Classes { n_classes: usize, train: Vec<usize>, test: Vec<usize> },
    Numbers { train: Vec<f64>, test: Vec<f64> },
}

impl FoldTarget {
    fn of(target: &Target, train: &[usize], test: &[usize]) -> FoldTarget {
        match target {
            Target::Categorical { classes, labels } => FoldTarget::Classes {
                n_classes: classes.len(),
                train: train.iter().map(|&r| labels[r].expect("present")).collect(),
                test: test.iter().map(|&r| labels[r].expect("present")).collect(),
            },
            Target::Numeric(values) => FoldTarget::Numbers {
                train: train.iter().map(|&r| values[r].expect("present")).collect(),
                test: test.iter().map(|&r| values[r].expect("present")).collect(),
            },
        }
    }

    fn sizes(&self) -> (usize, usize) {
        match self {
            FoldTarget::Classes { train, test, .. } => (train.len(), test.len()),
            FoldTarget::Numbers { train, test } => (train.len(), test.len()),
        }
    }
}

/// The metric of the model on `columns`, fitted on the fold's training rows, on its test rows.
fn score(metric: SearchMetric, target: &FoldTarget, columns: &[&ModelColumn]) -> Result<f64, CandidateError> {
    let (n_train, n_test) = target.sizes();
    let train: Vec<usize> = (0..n_train).collect();
    let test: Vec<usize> = (n_train..n_train + n_test).collect();
    let design = fold_design(columns, &train, &test);
    Ok(match target {
        FoldTarget::Classes { n_classes, train, test } => {
            let p = models::class_probabilities(&design.train, train, &design.test, design.width, *n_classes)?;
            match metric {
                SearchMetric::Auc => macro_one_vs_rest(test, *n_classes, |class| p.iter().map(|row| row[class]).collect()).unwrap_or(0.5),
                _ => log_loss(&p, test),
            }
        }
        FoldTarget::Numbers { train, test } => {
            let predicted = models::predicted_values(&design.train, train, &design.test, design.width)?;
            match metric {
                SearchMetric::Rmse => rmse(&predicted, test),
                _ => r_squared(&predicted, test),
            }
        }
    })
}

/// Mean negative log probability of the true class (probabilities clipped to [1e-15, 1]).
fn log_loss(probabilities: &[Vec<f64>], labels: &[usize]) -> f64 {
    let total: f64 = probabilities.iter().zip(labels).map(|(p, &label)| -p[label].clamp(LOG_LOSS_EPSILON, 1.0).ln()).sum();
    total / labels.len() as f64
}

/// Student's t quantile at 0.975 for 1 to 19 degrees of freedom (the two-sided 5% value).
pub fn t_critical_975(degrees_of_freedom: usize) -> f64 {
    const TABLE: [f64; 19] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093,
    ];
    TABLE[degrees_of_freedom.clamp(1, TABLE.len()) - 1]
}

#[cfg(all(test, feature = "lang"))]
mod tests {
    use super::*;

    use crate::evaluation::test_noise::noise;

    /// `y` is the sign of (a − ½)(b − ½): no linear model on `a` and `b` predicts it, their
    /// product does. `c` is unrelated noise.
    fn xor_frame(n: usize) -> DataFrame {
        let (a, b, c) = (noise(n, 1), noise(n, 2), noise(n, 3));
        let y: Vec<&str> = a.iter().zip(&b).map(|(a, b)| if (a - 0.5) * (b - 0.5) > 0.0 { "same" } else { "apart" }).collect();
        df!("a" => a, "b" => b, "c" => c, "y" => y).unwrap()
    }

    const PRODUCT: &str = "import polars as pl\ndf = df.with_columns(ab=(pl.col('a') - 0.5) * (pl.col('b') - 0.5))\n";
    const NOISE: &str = "import polars as pl\ndf = df.with_columns(c_wave=(pl.col('c') * 3.7).sin())\n";

    fn spec(candidate: &str) -> CandidateSpec {
        CandidateSpec { target: "y".into(), kept: Vec::new(), candidate: candidate.into(), metric: None, folds: 5, sample_rows: 10_000, seed: 7 }
    }

    fn run(df: &DataFrame, spec: &CandidateSpec) -> Result<CandidateScores, Failure> {
        cross_validate(df, &HashMap::new(), "t", 1, spec, "frame `t` is unchanged")
    }

    #[test]
    fn a_truly_predictive_feature_is_kept_and_noise_is_not() {
        let df = xor_frame(400);
        let useful = run(&df, &spec(PRODUCT)).unwrap();
        assert_eq!(useful.metric, SearchMetric::Auc);
        assert_eq!((useful.folds, useful.rows, useful.gain.per_fold.len()), (5, 400, 5));
        assert_eq!(useful.baseline_columns, vec!["a", "b", "c"]);
        assert_eq!(useful.new_columns, vec!["ab"]);
        assert_eq!(useful.columns_read, vec!["a", "b"]);
        assert!(useful.baseline.mean < 0.65 && useful.with_candidate.mean > 0.95, "{useful:?}");
        assert!(useful.gain.per_fold.iter().all(|g| *g > 0.2), "{useful:?}");
        assert!(useful.beyond_noise && useful.corrected_t > useful.t_critical, "{useful:?}");
        assert_eq!(useful.t_critical, 2.776);

        let noisy = run(&df, &spec(NOISE)).unwrap();
        assert!(!noisy.beyond_noise, "{noisy:?}");
        assert!(noisy.gain.mean.abs() < 0.05, "{noisy:?}");
        // Same folds: the baseline scores of both rounds are the same numbers.
        assert_eq!(noisy.baseline.per_fold, useful.baseline.per_fold);
    }

    #[test]
    fn the_gain_is_the_paired_difference_with_the_sign_of_the_metric() {
        let df = xor_frame(300);
        for metric in [SearchMetric::Auc, SearchMetric::Logloss] {
            let scores = run(&df, &CandidateSpec { metric: Some(metric), ..spec(PRODUCT) }).unwrap();
            for fold in 0..5 {
                let (base, with) = (scores.baseline.per_fold[fold], scores.with_candidate.per_fold[fold]);
                let expected = if metric.higher_is_better() { with - base } else { base - with };
                assert!((scores.gain.per_fold[fold] - expected).abs() < 1e-12);
            }
            assert!(scores.beyond_noise, "{metric:?}: {scores:?}");
        }
        let logloss = run(&df, &CandidateSpec { metric: Some(SearchMetric::Logloss), ..spec(PRODUCT) }).unwrap();
        // Two balanced classes: a model that knows nothing has log loss ln 2 = 0.693.
        assert!((logloss.baseline.mean - std::f64::consts::LN_2).abs() < 0.05, "{logloss:?}");
        assert!(logloss.with_candidate.mean < logloss.baseline.mean);
    }

    #[test]
    fn folds_are_reproducible_with_the_seed_and_differ_without_it() {
        let df = xor_frame(200);
        let first = run(&df, &spec(NOISE)).unwrap();
        assert_eq!(first.gain.per_fold, run(&df, &spec(NOISE)).unwrap().gain.per_fold);
        let other = run(&df, &CandidateSpec { seed: 8, ..spec(NOISE) }).unwrap();
        assert_ne!(first.baseline.per_fold, other.baseline.per_fold);
        let three = run(&df, &CandidateSpec { folds: 3, ..spec(NOISE) }).unwrap();
        assert_eq!((three.gain.per_fold.len(), three.t_critical), (3, 4.303));
        let sampled = run(&df, &CandidateSpec { sample_rows: 120, ..spec(NOISE) }).unwrap();
        assert_eq!((sampled.rows, sampled.rows_with_target), (120, 200));
    }

    #[test]
    fn kept_steps_are_in_the_baseline_of_the_next_round() {
        let df = xor_frame(300);
        let next = run(&df, &CandidateSpec { kept: vec![PRODUCT.into()], ..spec(NOISE) }).unwrap();
        assert_eq!(next.baseline_columns, vec!["a", "b", "c", "ab"]);
        assert!(next.baseline.mean > 0.95, "{next:?}");
        assert!(!next.beyond_noise);
        // The same product again as a candidate under another name: nothing to gain.
        let again = "import polars as pl\ndf = df.with_columns(ab2=pl.col('ab') * 1.0)\n";
        assert!(!run(&df, &CandidateSpec { kept: vec![PRODUCT.into()], ..spec(again) }).unwrap().beyond_noise);
    }

    #[test]
    fn statistics_are_fitted_on_training_rows_only() {
        // A numeric target and a "mean of the target per row id" feature: computed on all rows
        // it would equal the target. Fitted on the training rows, a test row's id was never
        // seen, so it is null there and the feature predicts nothing.
        let n = 300;
        let x = noise(n, 4);
        let y: Vec<f64> = x.iter().zip(noise(n, 5)).map(|(x, e)| x + e).collect();
        let id: Vec<i64> = (0..n as i64).collect();
        let df = df!("id" => id, "x" => x, "y" => y).unwrap();
        let encode = "import polars as pl\ndf = df.with_columns(y_per_id=pl.col('y').mean().over('id'))\n";
        let scores = run(&df, &spec(encode)).unwrap();
        assert_eq!(scores.metric, SearchMetric::R2);
        assert!(scores.columns_read.contains(&"y".to_string()));
        // In-sample it would be a perfect copy of the target; out of sample the model fitted on
        // it predicts nothing, so the "gain" is a loss.
        assert!(!scores.beyond_noise && scores.gain.mean < 0.0, "{scores:?}");
        assert!(scores.with_candidate.mean < 0.05, "{scores:?}");
        // A statistic of the training rows (the mean) is a constant on the test rows: fine.
        let centred = "import polars as pl\ndf = df.with_columns(x_centred=pl.col('x') - pl.col('x').mean())\n";
        assert!(run(&df, &spec(centred)).is_ok());
    }

    #[test]
    fn code_that_does_not_only_add_columns_is_sent_back_with_the_reason() {
        let df = xor_frame(100);
        let cases = [
            ("import polars as pl\ndf = df.filter(pl.col('a') > 0.5)\n", "changed the number of rows"),
            ("import polars as pl\ndf = df.drop('c')\n", "the code dropped `c`"),
            ("import polars as pl\ndf = df.with_columns(pl.col('a') * 2)\n", "changed the existing `a`"),
            ("df = df\n", "added no column"),
        ];
        for (code, expected) in cases {
            let failure = run(&df, &spec(code)).unwrap_err();
            assert_eq!(failure.class, FailureClass::ExecutionError, "{code}");
            assert!(failure.message.contains(expected) && failure.message.ends_with("frame `t` is unchanged"), "{code}: {}", failure.message);
        }
        let refused = run(&df, &spec("import os\n")).unwrap_err();
        assert_eq!(refused.class, FailureClass::RejectedCode);
        assert!(!refused.diagnostics.is_empty());
    }

    #[test]
    fn bad_settings_are_usage_errors() {
        let df = xor_frame(100);
        for (bad, expected) in [
            (CandidateSpec { folds: 1, ..spec(NOISE) }, "--folds 1 is out of range"),
            (CandidateSpec { metric: Some(SearchMetric::Rmse), ..spec(NOISE) }, "--metric rmse is for numeric targets, but `y` is a class target"),
            (CandidateSpec { target: "z".into(), ..spec(NOISE) }, "has no column `z`"),
            (CandidateSpec { sample_rows: 5, ..spec(NOISE) }, "--sample must be at least 10 rows"),
        ] {
            let failure = run(&df, &bad).unwrap_err();
            assert_eq!(failure.class, FailureClass::UsageError);
            assert!(failure.message.contains(expected), "{}", failure.message);
        }
        assert_eq!(SearchMetric::parse("R2"), Some(SearchMetric::R2));
        assert_eq!(SearchMetric::parse("f1"), None);
    }
}
