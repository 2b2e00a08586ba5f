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
    /// As Python Polars names it: `Int64`, `Float64`, `String`, `Boolean`, `Date`, `Datetime(…)`, …
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
    /// The kind of a dtype named as Python Polars names it (`Int64`, `Float64`, `String`,
    /// `Datetime(time_unit='us', time_zone=None)`, `List(Int64)`, …), as the worker reports them.
    pub fn of(dtype: &str) -> DtypeKind {
        let head = dtype.split('(').next().unwrap_or(dtype);
        match head {
            "Int8" | "Int16" | "Int32" | "Int64" | "Int128" | "UInt8" | "UInt16" | "UInt32" | "UInt64" | "UInt128" => {
                DtypeKind::Integer
            }
            "Float16" | "Float32" | "Float64" | "Decimal" => DtypeKind::Float,
            "Boolean" => DtypeKind::Boolean,
            "String" => DtypeKind::String,
            "Categorical" | "Enum" => DtypeKind::Categorical,
            "Date" => DtypeKind::Date,
            "Time" => DtypeKind::Time,
            "Datetime" => DtypeKind::Datetime,
            "Duration" => DtypeKind::Duration,
            "List" | "Array" => DtypeKind::List,
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
            ["Int64", "UInt8", "Float64", "Boolean", "String", "Categorical", "Date", "Datetime(time_unit='us', time_zone=None)", "Datetime(time_unit='ns', time_zone='UTC')", "Duration(time_unit='ms')", "List(String)", "Time", "Binary"]
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
            dtype: "Int64".into(),
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
