// What prompts and the builtin provider know about a frame: per column its dtype (as Polars
// prints it), nulls, distinct values, range, mean and top values. Statistics only, no rows.

/// A frame described by its statistics.
#[derive(Clone, Debug, PartialEq)]
pub struct FrameProfile {
    pub name: String,
    pub rows: usize,
    pub columns: Vec<ColumnProfile>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ColumnProfile {
    pub name: String,
    /// As Polars prints it: `i64`, `f64`, `str`, `bool`, `date`, `datetime[μs]`, `cat`, …
    pub dtype: String,
    pub nulls: usize,
    pub unique: Option<usize>,
    pub min: Option<String>,
    pub max: Option<String>,
    pub mean: Option<f64>,
    /// Most frequent values with their counts.
    pub top_values: Vec<(String, usize)>,
}

/// The families of dtypes that decide which features make sense.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DtypeKind {
    Integer,
    Float,
    Boolean,
    String,
    Categorical,
    Date,
    Datetime,
    Duration,
    Time,
    List,
    Other,
}

impl DtypeKind {
    pub fn of(dtype: &str) -> DtypeKind {
        match dtype {
            "i8" | "i16" | "i32" | "i64" | "i128" | "u8" | "u16" | "u32" | "u64" | "u128" => DtypeKind::Integer,
            "f16" | "f32" | "f64" => DtypeKind::Float,
            "bool" => DtypeKind::Boolean,
            "str" => DtypeKind::String,
            "cat" => DtypeKind::Categorical,
            "date" => DtypeKind::Date,
            "time" => DtypeKind::Time,
            other if other.starts_with("datetime") => DtypeKind::Datetime,
            other if other.starts_with("duration") => DtypeKind::Duration,
            other if other.starts_with("enum") || other.starts_with("cat") => DtypeKind::Categorical,
            other if other.starts_with("list") || other.starts_with("array") => DtypeKind::List,
            other if other.starts_with("decimal") => DtypeKind::Float,
            _ => DtypeKind::Other,
        }
    }

    pub fn is_numeric(self) -> bool {
        matches!(self, DtypeKind::Integer | DtypeKind::Float)
    }

    /// Plural name for grouped listings: "integer columns".
    pub fn label(self) -> &'static str {
        match self {
            DtypeKind::Integer => "integer",
            DtypeKind::Float => "float",
            DtypeKind::Boolean => "boolean",
            DtypeKind::String => "string",
            DtypeKind::Categorical => "categorical",
            DtypeKind::Date => "date",
            DtypeKind::Datetime => "datetime",
            DtypeKind::Duration => "duration",
            DtypeKind::Time => "time",
            DtypeKind::List => "list",
            DtypeKind::Other => "other",
        }
    }
}

impl ColumnProfile {
    pub fn kind(&self) -> DtypeKind {
        DtypeKind::of(&self.dtype)
    }

    /// Every row has its own value (an identifier or free text rather than a category).
    pub fn is_all_distinct(&self, rows: usize) -> bool {
        let non_null = rows.saturating_sub(self.nulls);
        // Polars counts null as one more distinct value.
        rows > 1 && non_null > 1 && self.unique.is_some_and(|u| u.saturating_sub(self.nulls.min(1)) >= non_null)
    }
}

impl FrameProfile {
    pub fn column(&self, name: &str) -> Option<&ColumnProfile> {
        self.columns.iter().find(|c| c.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polars_dtype_names_map_to_kinds() {
        let kinds: Vec<DtypeKind> =
            ["i64", "u8", "f64", "bool", "str", "cat", "date", "datetime[μs]", "datetime[ns, UTC]", "duration[ms]", "list[str]", "time", "binary"]
                .iter()
                .map(|d| DtypeKind::of(d))
                .collect();
        use DtypeKind::*;
        assert_eq!(kinds, [Integer, Integer, Float, Boolean, String, Categorical, Date, Datetime, Datetime, Duration, List, Time, Other]);
    }

    #[test]
    fn identifiers_are_columns_whose_values_are_all_distinct() {
        let column = |unique, nulls| ColumnProfile {
            name: "id".into(),
            dtype: "i64".into(),
            nulls,
            unique: Some(unique),
            min: None,
            max: None,
            mean: None,
            top_values: Vec::new(),
        };
        assert!(column(100, 0).is_all_distinct(100));
        // 90 distinct values and 10 nulls (which count as one more value).
        assert!(column(91, 10).is_all_distinct(100));
        assert!(!column(40, 0).is_all_distinct(100));
        assert!(!column(1, 0).is_all_distinct(1));
    }
}
