// What `%fe evaluate` sends back to the kernel: numbers only (statistics, histogram bins, fold
// scores). Rendering them as tables and charts is the kernel's display layer.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EvaluationReport {
    pub name: String,
    pub version: u32,
    pub rows: usize,
    pub target: String,
    pub target_kind: TargetKind,
    /// Ranked: highest mutual information first.
    pub features: Vec<FeatureStats>,
    pub comparison: Comparison,
    /// How each number was computed (shown under the table).
    pub method_notes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TargetKind {
    /// Classes in their natural order, with the rows of each (nulls excluded).
    Categorical { classes: Vec<String>, counts: Vec<usize> },
    Numeric,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FeatureStats {
    pub name: String,
    pub dtype: String,
    /// Rows where both the feature and the target are present (what the statistics use).
    pub rows_used: usize,
    pub null_rate: f64,
    /// Distinct non-null values.
    pub cardinality: usize,
    /// Categorical target, ordered feature: one-vs-rest, direction-free, macro mean.
    pub auc: Option<f64>,
    /// Numeric target, ordered feature.
    pub spearman: Option<f64>,
    pub pearson: Option<f64>,
    /// In bits, from the discretised feature and target (Miller–Madow corrected, at least 0).
    pub mutual_information: Option<f64>,
    pub histogram: Histogram,
}

/// Counts per bin, one series per target class (or one series, "rows", for a numeric target).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Histogram {
    pub series: Vec<String>,
    pub bins: Vec<HistogramBin>,
    /// True when bins are value ranges (numbers), false when they are categories.
    pub numeric: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistogramBin {
    /// The category, or the range as text (`[1.5, 2)`).
    pub label: String,
    pub lower: Option<f64>,
    pub upper: Option<f64>,
    /// One count per series.
    pub counts: Vec<u64>,
}

/// The cross-validated comparison of a model on the baseline columns with one on the baseline
/// plus the evaluated features, or why it could not run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Comparison {
    Done(ModelComparison),
    Skipped { reason: String },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelComparison {
    /// e.g. "logistic regression (L2, alpha 1)".
    pub model: String,
    pub folds: usize,
    pub seed: u64,
    /// Rows the models saw (target present; sampled when the frame is large).
    pub rows: usize,
    pub baseline_columns: Vec<String>,
    pub feature_columns: Vec<String>,
    /// Columns left out of both models, with the reason.
    pub left_out: Vec<(String, String)>,
    /// The primary metric first.
    pub metrics: Vec<MetricComparison>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MetricComparison {
    pub metric: String,
    pub higher_is_better: bool,
    pub baseline: FoldScores,
    pub with_features: FoldScores,
    /// Per fold: with features minus baseline (same folds, so the spread is of paired differences).
    pub delta: FoldScores,
    /// Folds where the features made the metric better.
    pub folds_improved: usize,
    /// The paired difference over its standard error, corrected for the overlap of training
    /// folds (Nadeau & Bengio 2003: variance × (1/k + n_test/n_train)); ±inf when every fold
    /// differs by the same non-zero amount, 0 when none differs.
    pub corrected_t: f64,
    /// Two-sided 5% critical value of Student's t with k − 1 degrees of freedom.
    pub t_critical: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FoldScores {
    pub per_fold: Vec<f64>,
    pub mean: f64,
    /// Sample standard deviation across folds.
    pub std: f64,
}

impl FoldScores {
    pub fn from_folds(per_fold: Vec<f64>) -> FoldScores {
        let n = per_fold.len() as f64;
        let mean = per_fold.iter().sum::<f64>() / n;
        let std = if per_fold.len() > 1 {
            (per_fold.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt()
        } else {
            0.0
        };
        FoldScores { per_fold, mean, std }
    }
}
