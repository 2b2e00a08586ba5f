// The two simple models of the comparison, from smartcore: L2-regularised logistic regression
// (binary or multinomial, fitted by L-BFGS) for classes and ridge regression for numbers.
//
// Why smartcore: it is pure Rust with its own dense linear algebra (no BLAS, LAPACK or C), builds
// offline from crates.io, and adds nothing that Polars shares. linfa 0.8 was tried first; its
// optimiser (argmin-math) turns on `std` in getrandom 0.3, which changes a dependency of Polars'
// hash tables and would rebuild polars-io and everything above it.
//
// Both get inputs standardised by `design` and a penalty of 1 on the coefficients (not on the
// intercept): negligible next to hundreds of rows, but it keeps the fits well-posed when columns
// are collinear (a feature that copies a baseline column, a full one-hot set) or classes separate
// perfectly. With no columns at all, the models predict the training class shares or mean.

use smartcore::linalg::basic::arrays::Array;
use smartcore::linalg::basic::matrix::DenseMatrix;
use smartcore::linear::logistic_regression::{LogisticRegression, LogisticRegressionParameters};
use smartcore::linear::ridge_regression::{RidgeRegression, RidgeRegressionParameters, RidgeRegressionSolverName};

/// The L2 penalty of both models.
pub const PENALTY: f64 = 1.0;

pub const CLASSIFIER: &str = "logistic regression (L2 penalty 1, L-BFGS; smartcore)";
pub const REGRESSOR: &str = "ridge regression (L2 penalty 1; smartcore)";

#[derive(Debug, thiserror::Error)]
#[error("the {model} could not be fitted: {message}")]
pub struct ModelError {
    model: &'static str,
    message: String,
}

fn matrix(rows: &[Vec<f64>], width: usize) -> Result<DenseMatrix<f64>, String> {
    let values: Vec<f64> = rows.iter().flatten().copied().collect();
    DenseMatrix::new(rows.len(), width, values, false).map_err(|e| e.to_string())
}

/// Probabilities of every class (`n_classes` columns) for each test row.
pub fn class_probabilities(
    train: &[Vec<f64>],
    labels: &[usize],
    test: &[Vec<f64>],
    width: usize,
    n_classes: usize,
) -> Result<Vec<Vec<f64>>, ModelError> {
    let fail = |message: String| ModelError { model: "logistic regression", message };
    if width == 0 {
        let mut shares = vec![0.0; n_classes];
        for &l in labels {
            shares[l] += 1.0 / labels.len() as f64;
        }
        return Ok(vec![shares; test.len()]);
    }
    let x = matrix(train, width).map_err(fail)?;
    let y: Vec<u32> = labels.iter().map(|&l| l as u32).collect();
    let parameters = LogisticRegressionParameters::default().with_alpha(PENALTY);
    let model = LogisticRegression::fit(&x, &y, parameters).map_err(|e| fail(e.to_string()))?;
    let seen: Vec<usize> = model.classes().iter().map(|&c| c as usize).collect();
    let (coefficients, intercept) = (model.coefficients(), model.intercept());
    let score = |row: &[f64], k: usize| -> f64 {
        row.iter().enumerate().map(|(j, v)| v * coefficients.get((k, j))).sum::<f64>() + intercept.get((k, 0))
    };
    Ok(test
        .iter()
        .map(|row| {
            let mut probabilities = vec![0.0; n_classes];
            if seen.len() == 2 {
                // One coefficient row: the log-odds of the second class seen.
                let p = 1.0 / (1.0 + (-score(row, 0)).exp());
                probabilities[seen[0]] = 1.0 - p;
                probabilities[seen[1]] = p;
            } else {
                let scores: Vec<f64> = (0..seen.len()).map(|k| score(row, k)).collect();
                let top = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                let total: f64 = scores.iter().map(|s| (s - top).exp()).sum();
                for (k, &class) in seen.iter().enumerate() {
                    probabilities[class] = (scores[k] - top).exp() / total;
                }
            }
            probabilities
        })
        .collect())
}

/// Predicted values for each test row. `design` centres every column on the training rows, so
/// the model is fitted without an intercept on the centred target and the training mean added back.
pub fn predicted_values(train: &[Vec<f64>], target: &[f64], test: &[Vec<f64>], width: usize) -> Result<Vec<f64>, ModelError> {
    let fail = |message: String| ModelError { model: "ridge regression", message };
    let mean = target.iter().sum::<f64>() / target.len() as f64;
    if width == 0 {
        return Ok(vec![mean; test.len()]);
    }
    let x = matrix(train, width).map_err(fail)?;
    let y: Vec<f64> = target.iter().map(|t| t - mean).collect();
    let parameters = RidgeRegressionParameters::default()
        .with_alpha(PENALTY)
        .with_normalize(false)
        .with_solver(RidgeRegressionSolverName::Cholesky);
    let model = RidgeRegression::fit(&x, &y, parameters).map_err(|e| fail(e.to_string()))?;
    let test_x = matrix(test, width).map_err(fail)?;
    let predicted: Vec<f64> = model.predict(&test_x).map_err(|e| fail(e.to_string()))?;
    Ok(predicted.into_iter().map(|p| p + mean).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logistic_regression_separates_two_classes_and_gives_probabilities() {
        let train: Vec<Vec<f64>> = (0..40).map(|i| vec![i as f64 / 10.0 - 2.0]).collect();
        let labels: Vec<usize> = (0..40).map(|i| usize::from(i >= 20)).collect();
        let p = class_probabilities(&train, &labels, &[vec![-1.5], vec![1.5]], 1, 2).unwrap();
        assert!(p[0][0] > 0.8 && p[1][1] > 0.8, "{p:?}");
        assert!((p[0][0] + p[0][1] - 1.0).abs() < 1e-12);
    }

    #[test]
    fn multinomial_probabilities_cover_classes_unseen_in_training() {
        let train: Vec<Vec<f64>> = (0..60).map(|i| vec![(i / 20) as f64 * 2.0 + (i % 5) as f64 * 0.1]).collect();
        let labels: Vec<usize> = (0..60).map(|i| i / 20 * 2).collect(); // classes 0, 2, 4 of 5
        let p = class_probabilities(&train, &labels, &[vec![4.2]], 1, 5).unwrap();
        assert_eq!((p[0][1], p[0][3]), (0.0, 0.0));
        assert!(p[0][4] > 0.5, "{p:?}");
        assert!((p[0].iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn ridge_recovers_a_line_and_survives_collinear_columns() {
        // Centred, as `design` centres every column.
        let xs: Vec<f64> = (0..50).map(|i| i as f64 / 10.0 - 2.45).collect();
        let target: Vec<f64> = xs.iter().map(|x| 3.0 * x + 7.0).collect();
        let train: Vec<Vec<f64>> = xs.iter().map(|&x| vec![x, x]).collect();
        let predicted = predicted_values(&train, &target, &[vec![1.0, 1.0]], 2).unwrap();
        assert!((predicted[0] - 10.0).abs() < 0.05, "{predicted:?}");
        let mean_only = predicted_values(&train, &target, &[vec![]], 0).unwrap();
        assert!((mean_only[0] - 7.0).abs() < 1e-9, "{mean_only:?}");
    }
}
