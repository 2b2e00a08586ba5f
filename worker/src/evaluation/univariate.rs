// One feature against the target, on the rows where both are present: AUC (categorical target)
// or Spearman and Pearson (numeric target), mutual information, null rate, cardinality and a
// histogram split by class.

use std::collections::HashMap;

use super::auc::feature_auc;
use super::columns::{Feature, Target};
use super::correlation::{pearson, spearman};
use super::histogram;
use super::mutual_information::{corrected_bits, equal_frequency_bins, NUMERIC_BINS};
use super::report::FeatureStats;

pub fn feature_stats(name: &str, dtype: String, feature: &Feature, target: &Target) -> FeatureStats {
    let rows = feature.len();
    let nulls = (0..rows).filter(|&r| !feature.is_present(r)).count();
    let used: Vec<usize> = (0..rows).filter(|&r| feature.is_present(r) && target.is_present(r)).collect();
    let (series, series_of) = match target {
        Target::Categorical { classes, labels } => {
            (classes.clone(), used.iter().map(|&r| labels[r].expect("present")).collect::<Vec<_>>())
        }
        Target::Numeric(_) => (vec!["rows".to_string()], vec![0; used.len()]),
    };
    let target_bins: Vec<usize> = match target {
        Target::Categorical { .. } => series_of.clone(),
        Target::Numeric(values) => {
            let present: Vec<f64> = used.iter().map(|&r| values[r].expect("present")).collect();
            equal_frequency_bins(&present, NUMERIC_BINS)
        }
    };
    let mut stats = FeatureStats {
        name: name.to_string(),
        dtype,
        rows_used: used.len(),
        null_rate: if rows == 0 { 0.0 } else { nulls as f64 / rows as f64 },
        cardinality: feature.cardinality(),
        auc: None,
        spearman: None,
        pearson: None,
        mutual_information: None,
        histogram: histogram::numeric(&[], &[], series.clone()),
    };
    if used.is_empty() {
        return stats;
    }
    match feature {
        Feature::Numeric(values) => {
            let present: Vec<f64> = used.iter().map(|&r| values[r].expect("present")).collect();
            match target {
                Target::Categorical { classes, .. } => stats.auc = feature_auc(&present, &series_of, classes.len()),
                Target::Numeric(targets) => {
                    let y: Vec<f64> = used.iter().map(|&r| targets[r].expect("present")).collect();
                    stats.spearman = spearman(&present, &y);
                    stats.pearson = pearson(&present, &y);
                }
            }
            stats.mutual_information = Some(corrected_bits(&equal_frequency_bins(&present, NUMERIC_BINS), &target_bins));
            stats.histogram = histogram::numeric(&present, &series_of, series);
        }
        Feature::Categorical(values) => {
            let present: Vec<&str> = used.iter().map(|&r| values[r].as_deref().expect("present")).collect();
            stats.mutual_information = Some(corrected_bits(&category_codes(&present, NUMERIC_BINS), &target_bins));
            stats.histogram = histogram::categorical(&present, &series_of, series);
        }
    }
    stats
}

/// Codes of the `bins - 1` most frequent categories (ties by name); every other one shares the
/// last code, so a many-valued string gets no more bins than a number.
fn category_codes(values: &[&str], bins: usize) -> Vec<usize> {
    let mut frequency: HashMap<&str, usize> = HashMap::new();
    for v in values {
        *frequency.entry(v).or_insert(0) += 1;
    }
    let mut ordered: Vec<(&str, usize)> = frequency.into_iter().collect();
    ordered.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let kept = if ordered.len() > bins { bins - 1 } else { ordered.len() };
    let code: HashMap<&str, usize> = ordered.iter().take(kept).enumerate().map(|(i, (v, _))| (*v, i)).collect();
    values.iter().map(|v| code.get(v).copied().unwrap_or(kept)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(labels: &[Option<usize>]) -> Target {
        Target::Categorical { classes: vec!["no".into(), "yes".into()], labels: labels.to_vec() }
    }

    #[test]
    fn rows_without_a_feature_or_target_are_left_out_and_counted() {
        let feature = Feature::Numeric(vec![Some(1.0), Some(2.0), None, Some(4.0), Some(5.0)]);
        let target = classes(&[Some(0), Some(0), Some(1), None, Some(1)]);
        let stats = feature_stats("f", "Float64".into(), &feature, &target);
        assert_eq!(stats.rows_used, 3);
        assert!((stats.null_rate - 0.2).abs() < 1e-12);
        assert_eq!(stats.cardinality, 4);
        // Values 1, 2 (no) against 5 (yes): a perfect separation.
        assert_eq!(stats.auc, Some(1.0));
        assert_eq!(stats.spearman, None);
        let counted: u64 = stats.histogram.bins.iter().flat_map(|b| b.counts.iter()).sum();
        assert_eq!(counted, 3);
    }

    #[test]
    fn a_numeric_target_gets_correlations_and_strings_get_mutual_information_only() {
        let target = Target::Numeric((0..40).map(|i| Some(i as f64)).collect());
        let doubled = Feature::Numeric((0..40).map(|i| Some(2.0 * i as f64)).collect());
        let stats = feature_stats("d", "Int64".into(), &doubled, &target);
        assert_eq!((stats.spearman, stats.auc), (Some(1.0), None));
        assert!((stats.pearson.unwrap() - 1.0).abs() < 1e-12);
        let halves = Feature::Categorical((0..40).map(|i| Some(if i < 20 { "low" } else { "high" }.to_string())).collect());
        let stats = feature_stats("h", "String".into(), &halves, &target);
        assert_eq!((stats.spearman, stats.pearson), (None, None));
        assert!(stats.mutual_information.unwrap() > 0.8, "{stats:?}");
    }

    #[test]
    fn rare_categories_share_one_code() {
        assert_eq!(category_codes(&["a", "b", "a", "c", "d"], 3), vec![0, 1, 0, 2, 2]);
        assert_eq!(category_codes(&["x", "y"], 3), vec![0, 1]);
    }
}
