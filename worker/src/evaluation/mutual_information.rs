// Mutual information between a discretised feature and a discretised (or categorical) target, in
// bits: the plug-in estimate minus the bias it has on average under independence.
//
// Numbers are cut into equal-frequency bins by rank (ties stay in one bin); categories are used
// as they are. The plug-in estimate is biased upwards by about (Bx − 1)(By − 1) / (2 N ln 2)
// bits for independent variables with Bx and By occupied bins (Miller 1955; Panzeri & Treves
// 1996); that amount is subtracted and the result floored at 0, so noise features rank near 0.

use std::collections::HashMap;

use super::ranks::average_ranks;

/// Bins for numeric features and targets.
pub const NUMERIC_BINS: usize = 10;

/// Equal-frequency bin (0..bins) of each value, by average rank.
pub fn equal_frequency_bins(values: &[f64], bins: usize) -> Vec<usize> {
    let n = values.len() as f64;
    average_ranks(values).into_iter().map(|rank| (((rank - 1.0) * bins as f64 / n) as usize).min(bins - 1)).collect()
}

/// The plug-in estimate in bits of the mutual information of two label sequences.
pub fn plug_in_bits(x: &[usize], y: &[usize]) -> f64 {
    let n = x.len() as f64;
    let (joint, x_counts, y_counts) = counts(x, y);
    joint
        .iter()
        .map(|(&(a, b), &count)| {
            let p = count as f64 / n;
            p * (p / ((x_counts[&a] as f64 / n) * (y_counts[&b] as f64 / n))).log2()
        })
        .sum::<f64>()
        .max(0.0)
}

/// The plug-in estimate less its expected value under independence, at least 0.
pub fn corrected_bits(x: &[usize], y: &[usize]) -> f64 {
    if x.is_empty() {
        return 0.0;
    }
    let (_, x_counts, y_counts) = counts(x, y);
    let bias = ((x_counts.len() - 1) * (y_counts.len() - 1)) as f64 / (2.0 * x.len() as f64 * std::f64::consts::LN_2);
    (plug_in_bits(x, y) - bias).max(0.0)
}

type Counts = (HashMap<(usize, usize), usize>, HashMap<usize, usize>, HashMap<usize, usize>);

fn counts(x: &[usize], y: &[usize]) -> Counts {
    let (mut joint, mut xs, mut ys) = (HashMap::new(), HashMap::new(), HashMap::new());
    for (&a, &b) in x.iter().zip(y) {
        *joint.entry((a, b)).or_insert(0) += 1;
        *xs.entry(a).or_insert(0) += 1;
        *ys.entry(b).or_insert(0) += 1;
    }
    (joint, xs, ys)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn plug_in_matches_hand_computed_values() {
        // Identical binary variables: 1 bit. Independent ones: 0.
        assert!(close(plug_in_bits(&[0, 0, 1, 1], &[0, 0, 1, 1]), 1.0));
        assert!(close(plug_in_bits(&[0, 1, 0, 1], &[0, 0, 1, 1]), 0.0));
        // p(0,0) = 1/2, p(0,1) = 1/4, p(1,1) = 1/4 with p(x) = (3/4, 1/4), p(y) = (1/2, 1/2):
        // 1/2 log2(4/3) + 1/4 log2(2/3) + 1/4 log2(2).
        let expected = 0.5 * (4.0f64 / 3.0).log2() + 0.25 * (2.0f64 / 3.0).log2() + 0.25;
        assert!(close(plug_in_bits(&[0, 0, 0, 1], &[0, 0, 1, 1]), expected));
    }

    #[test]
    fn the_independence_bias_is_subtracted() {
        let corrected = corrected_bits(&[0, 0, 1, 1], &[0, 0, 1, 1]);
        assert!(close(corrected, 1.0 - 1.0 / (8.0 * std::f64::consts::LN_2)), "{corrected}");
        assert_eq!(corrected_bits(&[0, 1, 0, 1], &[0, 0, 1, 1]), 0.0);
    }

    #[test]
    fn equal_frequency_bins_keep_ties_together() {
        let values: Vec<f64> = (0..100).map(f64::from).collect();
        let bins = equal_frequency_bins(&values, 10);
        assert!((0..10).all(|b| bins.iter().filter(|&&x| x == b).count() == 10));
        let bins = equal_frequency_bins(&[1.0, 1.0, 1.0, 1.0, 2.0], 2);
        assert_eq!(bins, vec![0, 0, 0, 0, 1]);
    }

    #[test]
    fn a_noise_feature_scores_near_zero_and_a_copy_of_the_target_near_its_entropy() {
        // A fixed pseudo-random sequence (multiplicative hash), 3 target classes, 3000 rows.
        let noise: Vec<f64> = (0..3000u64).map(|i| (i.wrapping_mul(2654435761) % 1000) as f64).collect();
        let target: Vec<usize> = (0..3000).map(|i| i % 3).collect();
        let binned = equal_frequency_bins(&noise, NUMERIC_BINS);
        assert!(corrected_bits(&binned, &target) < 0.01);
        let copy: Vec<f64> = target.iter().map(|&t| t as f64).collect();
        let informative = corrected_bits(&equal_frequency_bins(&copy, NUMERIC_BINS), &target);
        assert!(informative > 3f64.log2() - 0.01, "{informative}");
    }
}
