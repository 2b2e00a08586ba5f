// ROC AUC as the Mann–Whitney statistic: the chance that a random positive scores above a random
// negative, ties counting one half. One-vs-rest per class and macro-averaged for several classes.

use super::ranks::average_ranks;

/// AUC of `scores` for the rows where `positive` is true; `None` without positives or negatives.
pub fn roc_auc(scores: &[f64], positive: &[bool]) -> Option<f64> {
    auc_from_ranks(&average_ranks(scores), positive)
}

fn auc_from_ranks(ranks: &[f64], positive: &[bool]) -> Option<f64> {
    let n_pos = positive.iter().filter(|p| **p).count();
    let n_neg = positive.len() - n_pos;
    if n_pos == 0 || n_neg == 0 {
        return None;
    }
    let rank_sum: f64 = ranks.iter().zip(positive).filter(|(_, p)| **p).map(|(r, _)| r).sum();
    let u = rank_sum - (n_pos * (n_pos + 1)) as f64 / 2.0;
    Some(u / (n_pos as f64 * n_neg as f64))
}

/// Macro mean over classes of the one-vs-rest AUC of model scores `scores(class)` for
/// `labels == class` (as scored: a model that ranks backwards gets a low AUC). Classes with no
/// positive or no negative row are left out; `None` when no class is left.
pub fn macro_one_vs_rest(labels: &[usize], n_classes: usize, scores: impl Fn(usize) -> Vec<f64>) -> Option<f64> {
    let aucs: Vec<f64> = (0..n_classes)
        .filter_map(|class| {
            let positive: Vec<bool> = labels.iter().map(|&l| l == class).collect();
            roc_auc(&scores(class), &positive)
        })
        .collect();
    (!aucs.is_empty()).then(|| aucs.iter().sum::<f64>() / aucs.len() as f64)
}

/// The univariate AUC of one feature: one-vs-rest for each class, direction-free (a raw feature
/// may rank either way, so max(AUC, 1 − AUC)), macro mean. The ranks are shared by every class.
pub fn feature_auc(values: &[f64], labels: &[usize], n_classes: usize) -> Option<f64> {
    let ranks = average_ranks(values);
    let aucs: Vec<f64> = (0..n_classes)
        .filter_map(|class| {
            let positive: Vec<bool> = labels.iter().map(|&l| l == class).collect();
            auc_from_ranks(&ranks, &positive).map(|auc| auc.max(1.0 - auc))
        })
        .collect();
    (!aucs.is_empty()).then(|| aucs.iter().sum::<f64>() / aucs.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn ties_between_a_positive_and_a_negative_count_one_half() {
        // Positives 0.8, 0.5, 0.5; negatives 0.5, 0.2. Of the 6 pairs, (0.8 > 0.5), (0.8 > 0.2),
        // (0.5 > 0.2) twice win, and the two (0.5, 0.5) pairs tie: (4 + 2 × 0.5) / 6 = 5/6.
        let auc = roc_auc(&[0.8, 0.5, 0.5, 0.5, 0.2], &[true, true, true, false, false]).unwrap();
        assert!(close(auc, 5.0 / 6.0), "{auc}");
    }

    #[test]
    fn perfect_inverse_and_constant_scores() {
        let positive = [false, false, true, true];
        assert!(close(roc_auc(&[1.0, 2.0, 3.0, 4.0], &positive).unwrap(), 1.0));
        assert!(close(roc_auc(&[4.0, 3.0, 2.0, 1.0], &positive).unwrap(), 0.0));
        assert!(close(roc_auc(&[7.0; 4], &positive).unwrap(), 0.5));
        assert_eq!(roc_auc(&[1.0, 2.0], &[true, true]), None);
    }

    #[test]
    fn a_feature_that_orders_three_classes_scores_by_macro_mean_of_direction_free_aucs() {
        // Class 0 low, class 1 middle, class 2 high. Class 0 vs rest: raw AUC 0 → 1 after
        // flipping; class 2 vs rest: 1; class 1 (values 2, 3) vs rest (0, 1, 4, 5): wins against
        // 0 and 1, loses against 4 and 5 → 4 of 8 pairs → 0.5. Macro mean (1 + 0.5 + 1) / 3.
        let values = [0.0, 1.0, 2.0, 3.0, 4.0, 5.0];
        let labels = [0, 0, 1, 1, 2, 2];
        let auc = feature_auc(&values, &labels, 3).unwrap();
        assert!(close(auc, 2.5 / 3.0), "{auc}");
        // As model scores (no flipping), class 0 counts 0: (0 + 0.5 + 1) / 3.
        let scored = macro_one_vs_rest(&labels, 3, |_| values.to_vec()).unwrap();
        assert!(close(scored, 1.5 / 3.0), "{scored}");
    }

    #[test]
    fn classes_without_rows_are_left_out_of_the_macro_mean() {
        let labels = [0, 0, 1, 1];
        let auc = macro_one_vs_rest(&labels, 3, |c| {
            if c == 0 { vec![0.9, 0.8, 0.1, 0.2] } else { vec![0.1, 0.2, 0.9, 0.8] }
        });
        assert!(close(auc.unwrap(), 1.0));
    }
}
