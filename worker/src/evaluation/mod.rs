// `%fe evaluate NAME --target COL [--features a,b,…]`, computed where the data lives: per-feature
// statistics against the target, ranked, and a cross-validated baseline-versus-features model.
//
// The default features are the columns added since NAME was loaded (its lineage's first step);
// the baseline is the loaded columns that are still there. Nothing is changed by an evaluation.

mod auc;
pub mod candidate_folds;
mod columns;
mod comparison;
mod correlation;
mod design;
mod folds;
mod histogram;
mod models;
mod mutual_information;
mod ranks;
#[cfg(test)]
mod test_noise;
mod report;
mod univariate;

use std::cmp::Ordering;
use std::panic::AssertUnwindSafe;

use polars::error::abort::catch_polars_abort;
use polars::prelude::*;

pub use histogram::short_number;
pub use report::*;

use crate::dtype_names::python_name;
use crate::protocol::{Failure, FailureClass};
use crate::service::{interrupted, store_failure};
use crate::store::FrameStore;
use columns::{Feature, Target};
use design::{ModelColumn, ModelValues};

/// Strings with more distinct values than this are left out of the models (not one-hot encoded).
pub const MAX_ONE_HOT: usize = 20;

#[derive(Debug, thiserror::Error)]
pub enum EvaluationError {
    #[error("frame `{frame}` has no column `{column}`; its columns: {known}")]
    UnknownColumn { frame: String, column: String, known: String },
    #[error("`{column}` is the target; it cannot also be a feature")]
    TargetAsFeature { column: String },
    #[error("no columns were added to `{frame}` since it was loaded; name the features to evaluate with `--features a,b`")]
    NoNewFeatures { frame: String },
    #[error("the target `{column}` is {dtype}; a target must be a number, a boolean or a string")]
    UnsupportedTarget { column: String, dtype: String },
    #[error("the target `{column}` has {classes} classes; at most {} are evaluated", columns::MAX_CLASSES)]
    TooManyClasses { column: String, classes: usize },
    #[error("the feature `{column}` is {dtype}; features must be numbers, booleans, dates/times or strings")]
    UnsupportedFeature { column: String, dtype: String },
    #[error("Polars: {0}")]
    Polars(String),
}

impl EvaluationError {
    fn polars(error: PolarsError) -> EvaluationError {
        EvaluationError::Polars(error.to_string())
    }

    fn failure(self, name: &str) -> Failure {
        let class = match self {
            EvaluationError::Polars(_) => FailureClass::ExecutionError,
            _ => FailureClass::UsageError,
        };
        Failure {
            class,
            message: format!("{self}; frame `{name}` is unchanged (an evaluation changes nothing)"),
            rendered: None,
            diagnostics: Vec::new(),
        }
    }
}

/// The worker's answer to `Request::Evaluate` (interruptible at Polars' check points).
/// A frame kept as a scan is evaluated on its sample, and the report says so.
pub fn answer(store: &FrameStore, name: &str, target: &str, features: Option<&[String]>) -> Result<EvaluationReport, Failure> {
    let (df, record, sampled) = store.frame_or_sample(name).map_err(store_failure)?;
    let lineage = store.lineage(name).map_err(store_failure)?;
    let loaded: Vec<String> = lineage.steps.first().map(|s| s.column_names().map(str::to_string).collect()).unwrap_or_default();
    let unchanged = format!("frame `{name}` is unchanged");
    let mut report = catch_polars_abort(AssertUnwindSafe(|| evaluate(df, name, record.version, &loaded, target, features)))
        .map_err(|_| interrupted(&unchanged))?
        .map_err(|e| e.failure(name))?;
    if sampled {
        report.method_notes.insert(
            0,
            format!(
                "frame `{name}` is kept as a scan: everything below is computed on a sample of {} rows (the first {} rows of its source, through its steps), not on the whole frame",
                df.height(),
                crate::scanned_frames::SAMPLE_ROWS
            ),
        );
    }
    Ok(report)
}

/// The columns `code` added to a sample (`with_code`, computed from `sample`) against `target`,
/// on that sample: what `%%fe suggest --target` shows beside its review. Nothing is committed.
pub fn answer_on_sample(sample: &DataFrame, with_code: DataFrame, name: &str, version: u32, target: &str) -> Result<EvaluationReport, Failure> {
    let before: Vec<String> = sample.get_column_names().iter().map(|c| c.to_string()).collect();
    let unchanged = format!("frame `{name}` is unchanged");
    catch_polars_abort(AssertUnwindSafe(|| evaluate(&with_code, name, version, &before, target, None)))
        .map_err(|_| interrupted(&unchanged))?
        .map_err(|e| e.failure(name))
}

fn evaluate(
    df: &DataFrame,
    name: &str,
    version: u32,
    loaded: &[String],
    target_name: &str,
    requested: Option<&[String]>,
) -> Result<EvaluationReport, EvaluationError> {
    let known = || df.get_column_names().iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ");
    let unknown = |column: &str| EvaluationError::UnknownColumn { frame: name.into(), column: column.into(), known: known() };
    if df.column(target_name).is_err() {
        return Err(unknown(target_name));
    }
    let feature_names: Vec<String> = match requested {
        Some(names) => {
            for column in names {
                if df.column(column).is_err() {
                    return Err(unknown(column));
                }
                if column == target_name {
                    return Err(EvaluationError::TargetAsFeature { column: column.clone() });
                }
            }
            names.to_vec()
        }
        None => df
            .get_column_names()
            .into_iter()
            .map(|c| c.to_string())
            .filter(|c| c != target_name && !loaded.contains(c))
            .collect(),
    };
    if feature_names.is_empty() {
        return Err(EvaluationError::NoNewFeatures { frame: name.into() });
    }
    let target = columns::target(df, target_name)?;
    let mut stats = Vec::new();
    let mut feature_columns = Vec::new();
    let mut left_out = Vec::new();
    for column in &feature_names {
        let dtype = df.column(column).map_err(EvaluationError::polars)?.dtype().clone();
        let Some(feature) = columns::feature(df, column)? else {
            return Err(EvaluationError::UnsupportedFeature { column: column.clone(), dtype: python_name(&dtype) });
        };
        stats.push(univariate::feature_stats(column, python_name(&dtype), &feature, &target));
        push_model_column(column, feature, &mut feature_columns, &mut left_out);
    }
    let mut baseline = Vec::new();
    for column in loaded.iter().filter(|c| *c != target_name && !feature_names.contains(c)) {
        if df.column(column).is_err() {
            continue; // dropped by a step
        }
        match columns::feature(df, column)? {
            Some(feature) => push_model_column(column, feature, &mut baseline, &mut left_out),
            None => left_out.push((column.clone(), "not a number, boolean, date/time or string".into())),
        }
    }
    stats.sort_by(rank_order);
    let comparison = comparison::compare(&target, &baseline, &feature_columns, left_out);
    let target_kind = match &target {
        Target::Categorical { classes, labels } => TargetKind::Categorical {
            counts: (0..classes.len()).map(|c| labels.iter().filter(|l| **l == Some(c)).count()).collect(),
            classes: classes.clone(),
        },
        Target::Numeric(_) => TargetKind::Numeric,
    };
    Ok(EvaluationReport {
        name: name.to_string(),
        version,
        rows: df.height(),
        target: target_name.to_string(),
        method_notes: method_notes(&target_kind),
        target_kind,
        features: stats,
        comparison,
    })
}

/// Numbers go into the models as they are; strings one-hot when they have few values.
pub(crate) fn push_model_column(name: &str, feature: Feature, into: &mut Vec<ModelColumn>, left_out: &mut Vec<(String, String)>) {
    let cardinality = feature.cardinality();
    let values = match feature {
        Feature::Numeric(_) if cardinality == 0 => {
            left_out.push((name.to_string(), "no values".into()));
            return;
        }
        Feature::Numeric(values) => ModelValues::Numeric(values),
        Feature::Categorical(_) if cardinality > MAX_ONE_HOT => {
            left_out.push((name.to_string(), format!("{cardinality} distinct strings; at most {MAX_ONE_HOT} are one-hot encoded")));
            return;
        }
        Feature::Categorical(values) => ModelValues::Categories(values),
    };
    into.push(ModelColumn { name: name.to_string(), values });
}

/// Highest mutual information first; then the AUC or |Spearman|; then by name.
fn rank_order(a: &FeatureStats, b: &FeatureStats) -> Ordering {
    let key = |s: &FeatureStats| {
        (s.mutual_information.unwrap_or(-1.0), s.auc.or(s.spearman.map(f64::abs)).unwrap_or(-1.0))
    };
    let (ka, kb) = (key(a), key(b));
    kb.0.total_cmp(&ka.0).then(kb.1.total_cmp(&ka.1)).then(a.name.cmp(&b.name))
}

fn method_notes(target: &TargetKind) -> Vec<String> {
    let mut notes = vec![
        "Each statistic uses the rows where both the feature and the target are present (`rows used`); NaN and ±inf count as missing.".to_string(),
        format!(
            "MI: mutual information in bits between the feature cut into {bins} equal-frequency bins (strings: the {top} most frequent values, the rest together) and the {target}; the plug-in estimate minus its bias under independence, (Bx−1)(By−1)/(2N ln 2), floored at 0. Features are ranked by it.",
            bins = mutual_information::NUMERIC_BINS,
            top = mutual_information::NUMERIC_BINS - 1,
            target = match target {
                TargetKind::Categorical { .. } => "target classes".to_string(),
                TargetKind::Numeric => format!("target cut into {} equal-frequency bins", mutual_information::NUMERIC_BINS),
            }
        ),
    ];
    match target {
        TargetKind::Categorical { .. } => notes.push(
            "AUC: ROC AUC of the raw feature for each class against the rest (ties count one half), taken as max(AUC, 1 − AUC) because a feature may rank either way, then averaged over classes. Not defined for strings.".into(),
        ),
        TargetKind::Numeric => notes.push(
            "Spearman: Pearson's correlation of average ranks (tie-corrected). Pearson: linear correlation. Not defined for strings.".into(),
        ),
    }
    notes.push(format!(
        "Model comparison: {folds}-fold cross-validation (seed {seed}{stratified}); numbers standardised and missing values set to the mean of the training folds, strings with at most {MAX_ONE_HOT} values one-hot encoded from the training folds; at most {rows} rows (sampled with the same seed).",
        folds = comparison::FOLDS,
        seed = comparison::SEED,
        stratified = if matches!(target, TargetKind::Categorical { .. }) { ", stratified by class" } else { "" },
        rows = comparison::MAX_ROWS,
    ));
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame() -> DataFrame {
        let n = 200;
        let a: Vec<f64> = (0..n).map(|i| ((i * 37) % 101) as f64 + 1.0).collect();
        let b: Vec<f64> = (0..n).map(|i| ((i * 53) % 97) as f64 + 1.0).collect();
        let ratio: Vec<f64> = a.iter().zip(&b).map(|(a, b)| a / b).collect();
        let y: Vec<&str> = ratio.iter().map(|r| if *r > 1.0 { "high" } else { "low" }).collect();
        let junk: Vec<f64> = (0..n).map(|i| ((i * 7919) % 89) as f64).collect();
        df!("a" => a, "b" => b, "y" => y, "ratio" => ratio, "junk" => junk).unwrap()
    }

    fn loaded() -> Vec<String> {
        vec!["a".into(), "b".into(), "y".into()]
    }

    #[test]
    fn default_features_are_the_added_columns_ranked_by_mutual_information() {
        let report = evaluate(&frame(), "t", 3, &loaded(), "y", None).unwrap();
        let names: Vec<&str> = report.features.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, vec!["ratio", "junk"]);
        assert_eq!(report.features[0].auc, Some(1.0));
        let Comparison::Done(comparison) = &report.comparison else { panic!("{:?}", report.comparison) };
        assert_eq!(comparison.baseline_columns, vec!["a", "b"]);
        assert_eq!(comparison.feature_columns, vec!["ratio", "junk"]);
    }

    #[test]
    fn bad_columns_are_usage_errors_that_name_the_frame() {
        let error = evaluate(&frame(), "t", 3, &loaded(), "nope", None).unwrap_err();
        assert!(matches!(&error, EvaluationError::UnknownColumn { column, .. } if column == "nope"));
        assert!(error.to_string().contains("`ratio`"));
        let error = evaluate(&frame(), "t", 3, &loaded(), "y", Some(&["y".to_string()])).unwrap_err();
        assert!(matches!(error, EvaluationError::TargetAsFeature { .. }));
        let everything: Vec<String> = frame().get_column_names().iter().map(|c| c.to_string()).collect();
        let error = evaluate(&frame(), "t", 3, &everything, "y", None).unwrap_err();
        assert_eq!(error.failure("t").class, FailureClass::UsageError);
    }
}
