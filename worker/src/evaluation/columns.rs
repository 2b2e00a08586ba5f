// Columns of a frame as the statistics need them: the target as class labels or numbers, each
// feature as numbers (numeric, boolean and temporal columns) or as categories (strings).

use std::collections::HashMap;

use polars::prelude::*;

use super::EvaluationError;
use crate::dtype_names::python_name;

/// Integer targets with at most this many distinct values are classes, not numbers.
pub const MAX_INTEGER_CLASSES: usize = 20;
/// Most classes a categorical target may have.
pub const MAX_CLASSES: usize = 50;

pub enum Target {
    /// `labels[i]` indexes `classes`; `None` where the target is null.
    Categorical { classes: Vec<String>, labels: Vec<Option<usize>> },
    Numeric(Vec<Option<f64>>),
}

impl Target {
    pub fn is_present(&self, row: usize) -> bool {
        match self {
            Target::Categorical { labels, .. } => labels[row].is_some(),
            Target::Numeric(values) => values[row].is_some(),
        }
    }
}

pub enum Feature {
    /// NaN and infinities are treated as missing, like nulls.
    Numeric(Vec<Option<f64>>),
    Categorical(Vec<Option<String>>),
}

impl Feature {
    pub fn is_present(&self, row: usize) -> bool {
        match self {
            Feature::Numeric(values) => values[row].is_some(),
            Feature::Categorical(values) => values[row].is_some(),
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Feature::Numeric(values) => values.len(),
            Feature::Categorical(values) => values.len(),
        }
    }

    /// Distinct present values.
    pub fn cardinality(&self) -> usize {
        match self {
            Feature::Numeric(values) => {
                let mut present: Vec<f64> = values.iter().flatten().copied().collect();
                present.sort_by(f64::total_cmp);
                present.dedup();
                present.len()
            }
            Feature::Categorical(values) => {
                let mut present: Vec<&str> = values.iter().flatten().map(String::as_str).collect();
                present.sort_unstable();
                present.dedup();
                present.len()
            }
        }
    }
}

pub fn target(df: &DataFrame, name: &str) -> Result<Target, EvaluationError> {
    let series = df.column(name).map_err(EvaluationError::polars)?.as_materialized_series();
    let dtype = series.dtype().clone();
    let categorical = match &dtype {
        DataType::String | DataType::Boolean | DataType::Categorical(..) | DataType::Enum(..) => true,
        d if d.is_integer() => series.drop_nulls().n_unique().map_err(EvaluationError::polars)? <= MAX_INTEGER_CLASSES,
        d if d.is_float() => false,
        _ => return Err(EvaluationError::UnsupportedTarget { column: name.to_string(), dtype: python_name(&dtype) }),
    };
    if !categorical {
        return Ok(Target::Numeric(numbers(series)?));
    }
    // Classes in the column's own order (numbers numerically, strings alphabetically).
    let as_text = |s: &Series| -> Result<Vec<Option<String>>, EvaluationError> {
        let text = s.cast(&DataType::String).map_err(EvaluationError::polars)?;
        Ok(text.str().map_err(EvaluationError::polars)?.iter().map(|v| v.map(str::to_string)).collect())
    };
    let sortable = if matches!(dtype, DataType::Categorical(..) | DataType::Enum(..)) {
        series.cast(&DataType::String).map_err(EvaluationError::polars)?
    } else {
        series.clone()
    };
    let distinct = sortable
        .drop_nulls()
        .unique()
        .and_then(|u| u.sort(SortOptions::default()))
        .map_err(EvaluationError::polars)?;
    let classes: Vec<String> = as_text(&distinct)?.into_iter().flatten().collect();
    if classes.len() > MAX_CLASSES {
        return Err(EvaluationError::TooManyClasses { column: name.to_string(), classes: classes.len() });
    }
    let index: HashMap<&str, usize> = classes.iter().enumerate().map(|(i, c)| (c.as_str(), i)).collect();
    let labels = as_text(series)?.iter().map(|v| v.as_deref().and_then(|v| index.get(v).copied())).collect();
    Ok(Target::Categorical { classes, labels })
}

/// `None` when the column is neither a number, a boolean, a date/time nor a string.
pub fn feature(df: &DataFrame, name: &str) -> Result<Option<Feature>, EvaluationError> {
    let series = df.column(name).map_err(EvaluationError::polars)?.as_materialized_series();
    let dtype = series.dtype();
    if matches!(dtype, DataType::String | DataType::Categorical(..) | DataType::Enum(..)) {
        let text = series.cast(&DataType::String).map_err(EvaluationError::polars)?;
        let values = text.str().map_err(EvaluationError::polars)?.iter().map(|v| v.map(str::to_string)).collect();
        return Ok(Some(Feature::Categorical(values)));
    }
    if dtype.is_primitive_numeric() || dtype.is_bool() || dtype.is_temporal() || dtype.is_null() {
        return Ok(Some(Feature::Numeric(numbers(series)?)));
    }
    Ok(None)
}

/// The column as `f64` (temporal columns by their physical value); NaN and ±inf become `None`.
fn numbers(series: &Series) -> Result<Vec<Option<f64>>, EvaluationError> {
    let physical = series.to_physical_repr();
    let floats = physical.cast(&DataType::Float64).map_err(EvaluationError::polars)?;
    let values = floats.f64().map_err(EvaluationError::polars)?;
    Ok(values.iter().map(|v| v.filter(|v| v.is_finite())).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_targets_with_few_values_are_classes_in_numeric_order() {
        let df = df!("y" => [Some(10i64), Some(2), None, Some(2)], "f" => [1.5, f64::NAN, 3.0, f64::INFINITY]).unwrap();
        let Target::Categorical { classes, labels } = target(&df, "y").unwrap() else { panic!("classes") };
        assert_eq!(classes, vec!["2", "10"]);
        assert_eq!(labels, vec![Some(1), Some(0), None, Some(0)]);
        let Some(Feature::Numeric(values)) = feature(&df, "f").unwrap() else { panic!("numbers") };
        assert_eq!(values, vec![Some(1.5), None, Some(3.0), None]);
    }

    #[test]
    fn floats_are_numeric_targets_and_strings_are_categories() {
        let df = df!("y" => [0.5, 1.5], "s" => [Some("a"), None], "b" => [true, false]).unwrap();
        assert!(matches!(target(&df, "y").unwrap(), Target::Numeric(_)));
        let Some(Feature::Categorical(values)) = feature(&df, "s").unwrap() else { panic!("categories") };
        assert_eq!(values, vec![Some("a".to_string()), None]);
        let Some(Feature::Numeric(values)) = feature(&df, "b").unwrap() else { panic!("numbers") };
        assert_eq!(values, vec![Some(1.0), Some(0.0)]);
        let Target::Categorical { classes, .. } = target(&df, "b").unwrap() else { panic!("classes") };
        assert_eq!(classes, vec!["false", "true"]);
    }
}
