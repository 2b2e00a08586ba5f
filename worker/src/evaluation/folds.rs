// k-fold assignment with a fixed seed: rows are shuffled once, then dealt to folds in turn,
// class by class for a categorical target (stratified), so every fold sees every class it can.

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::SeedableRng;

/// The fold (0..k) of each of `n` rows. With `labels`, each class is spread evenly over the folds.
pub fn assign(n: usize, k: usize, seed: u64, labels: Option<&[usize]>) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(&mut StdRng::seed_from_u64(seed));
    if let Some(labels) = labels {
        // Stable: rows of one class stay in shuffled order.
        order.sort_by_key(|&row| labels[row]);
    }
    let mut folds = vec![0; n];
    for (position, &row) in order.iter().enumerate() {
        folds[row] = position % k;
    }
    folds
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_are_balanced_stratified_and_reproducible() {
        let labels: Vec<usize> = (0..103).map(|i| if i < 23 { 1 } else { 0 }).collect();
        let folds = assign(103, 5, 42, Some(&labels));
        assert_eq!(folds, assign(103, 5, 42, Some(&labels)));
        assert_ne!(folds, assign(103, 5, 7, Some(&labels)));
        for fold in 0..5 {
            let size = folds.iter().filter(|&&f| f == fold).count();
            assert!((20..=21).contains(&size), "fold {fold}: {size}");
            let ones = (0..103).filter(|&r| folds[r] == fold && labels[r] == 1).count();
            assert!((4..=5).contains(&ones), "fold {fold}: {ones} of class 1");
        }
    }
}
