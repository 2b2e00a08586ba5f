// Pearson's and Spearman's correlation of a feature with a numeric target, over the rows where
// both are present (the caller drops the others); `None` when either side is constant.

use super::ranks::average_ranks;

pub fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len();
    if n < 2 || y.len() != n {
        return None;
    }
    let mean_x = x.iter().sum::<f64>() / n as f64;
    let mean_y = y.iter().sum::<f64>() / n as f64;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        let (dx, dy) = (a - mean_x, b - mean_y);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if sxx == 0.0 || syy == 0.0 {
        return None;
    }
    Some((sxy / (sxx.sqrt() * syy.sqrt())).clamp(-1.0, 1.0))
}

/// Pearson's correlation of the average ranks (the tie-corrected Spearman's rho).
pub fn spearman(x: &[f64], y: &[f64]) -> Option<f64> {
    pearson(&average_ranks(x), &average_ranks(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn pearson_matches_a_hand_computed_value() {
        // x = 1..5, y = 2, 4, 5, 4, 5: means 3 and 4; Σdxdy = 6, Σdx² = 10, Σdy² = 6.
        let r = pearson(&[1.0, 2.0, 3.0, 4.0, 5.0], &[2.0, 4.0, 5.0, 4.0, 5.0]).unwrap();
        assert!(close(r, 6.0 / (10.0f64.sqrt() * 6.0f64.sqrt())), "{r}");
        assert!(close(pearson(&[1.0, 2.0, 3.0], &[6.0, 4.0, 2.0]).unwrap(), -1.0));
        assert_eq!(pearson(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0]), None);
    }

    #[test]
    fn spearman_uses_average_ranks_for_ties() {
        // Monotone but not linear: Spearman 1, Pearson below 1.
        let x = [1.0, 2.0, 3.0, 4.0, 5.0];
        let y = [1.0, 4.0, 9.0, 16.0, 100.0];
        assert!(close(spearman(&x, &y).unwrap(), 1.0));
        assert!(pearson(&x, &y).unwrap() < 0.95);
        // y ranks with a tie: 1, 2.5, 2.5, 4 against x ranks 1..4 → Σdxdy = 4.5, Σdx² = 5, Σdy² = 4.5.
        let rho = spearman(&[1.0, 2.0, 3.0, 4.0], &[10.0, 20.0, 20.0, 30.0]).unwrap();
        assert!(close(rho, 4.5 / (5.0f64.sqrt() * 4.5f64.sqrt())), "{rho}");
    }
}
