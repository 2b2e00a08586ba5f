// The model matrix of one cross-validation fold. Every statistic comes from the fold's training
// rows only: numbers are standardised with the training mean and deviation (missing values get
// the training mean, i.e. 0 after scaling); strings are one-hot encoded over the categories seen
// in training (missing is a category of its own; unseen ones encode as all zeros), centred on
// their training share. Columns that are constant in training are dropped.

use std::collections::BTreeMap;

/// A column the models may use.
pub struct ModelColumn {
    pub name: String,
    pub values: ModelValues,
}

pub enum ModelValues {
    Numeric(Vec<Option<f64>>),
    Categories(Vec<Option<String>>),
}

/// Rows of the training and test matrices, in the order of `train` and `test`.
pub struct FoldDesign {
    pub train: Vec<Vec<f64>>,
    pub test: Vec<Vec<f64>>,
    pub width: usize,
}

/// Below this standard deviation a training column counts as constant.
const CONSTANT: f64 = 1e-12;

pub fn fold_design(columns: &[&ModelColumn], train: &[usize], test: &[usize]) -> FoldDesign {
    let mut design = FoldDesign { train: vec![Vec::new(); train.len()], test: vec![Vec::new(); test.len()], width: 0 };
    for column in columns {
        match &column.values {
            ModelValues::Numeric(values) => {
                let present: Vec<f64> = train.iter().filter_map(|&r| values[r]).collect();
                if present.is_empty() {
                    continue;
                }
                let (mean, std) = mean_and_std(&present);
                if std < CONSTANT {
                    continue;
                }
                let scaled = |row: usize| (values[row].unwrap_or(mean) - mean) / std;
                design.push_column(train, test, scaled);
            }
            ModelValues::Categories(values) => {
                let category = |row: usize| values[row].as_deref().unwrap_or("\u{0}null");
                let mut shares: BTreeMap<&str, f64> = BTreeMap::new();
                for &r in train {
                    *shares.entry(category(r)).or_insert(0.0) += 1.0 / train.len() as f64;
                }
                for (&level, &share) in &shares {
                    if share >= 1.0 - CONSTANT {
                        continue;
                    }
                    let indicator = |row: usize| f64::from(category(row) == level) - share;
                    design.push_column(train, test, indicator);
                }
            }
        }
    }
    design
}

impl FoldDesign {
    fn push_column(&mut self, train: &[usize], test: &[usize], value: impl Fn(usize) -> f64) {
        for (row, &r) in self.train.iter_mut().zip(train) {
            row.push(value(r));
        }
        for (row, &r) in self.test.iter_mut().zip(test) {
            row.push(value(r));
        }
        self.width += 1;
    }
}

/// Mean and population standard deviation.
fn mean_and_std(values: &[f64]) -> (f64, f64) {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
    (mean, variance.sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_rows_are_scaled_with_training_statistics_only() {
        let x = ModelColumn { name: "x".into(), values: ModelValues::Numeric(vec![Some(1.0), Some(3.0), None, Some(100.0)]) };
        let design = fold_design(&[&x], &[0, 1, 2], &[3]);
        // Training mean 2, deviation 1; the missing training value becomes the mean.
        assert_eq!(design.train, vec![vec![-1.0], vec![1.0], vec![0.0]]);
        assert_eq!(design.test, vec![vec![98.0]]);
    }

    #[test]
    fn categories_come_from_training_and_constant_columns_are_dropped() {
        let s = ModelColumn {
            name: "s".into(),
            values: ModelValues::Categories(vec![Some("a".into()), Some("b".into()), None, Some("a".into()), Some("z".into())]),
        };
        let constant = ModelColumn { name: "c".into(), values: ModelValues::Numeric(vec![Some(5.0); 5]) };
        let design = fold_design(&[&s, &constant], &[0, 1, 2, 3], &[4]);
        // Levels in training: null, a, b (shares 1/4, 1/2, 1/4); "z" was never seen.
        assert_eq!(design.width, 3);
        assert_eq!(design.train[0], vec![-0.25, 0.5, -0.25]);
        assert_eq!(design.train[2], vec![0.75, -0.5, -0.25]);
        assert_eq!(design.test[0], vec![-0.25, -0.5, -0.25]);
    }
}
