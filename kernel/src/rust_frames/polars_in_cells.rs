// The polars dependency of the Rust cells: the same version as the kernel's, with the features
// the handed-over frames need (dtype features follow their columns), added with `:dep`.

use std::collections::BTreeSet;

/// The version of polars the kernel and its worker are built with (pinned in Cargo.toml).
pub const POLARS_VERSION: &str = "0.55.2";

/// Always needed: reading and writing Arrow IPC, and printing frames.
const BASE_FEATURES: &[&str] = &["ipc", "fmt"];

/// The features the evcxr context has (or will have once the `:dep` line is run).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PolarsFeatures(BTreeSet<&'static str>);

impl PolarsFeatures {
    pub fn base() -> PolarsFeatures {
        PolarsFeatures(BASE_FEATURES.iter().copied().collect())
    }

    /// Adds what columns of these Python Polars dtypes (e.g. `Datetime(time_unit='us', …)`,
    /// `List(Date)`) need to be read or written.
    pub fn with_dtypes<'a>(mut self, dtypes: impl IntoIterator<Item = &'a str>) -> PolarsFeatures {
        for dtype in dtypes {
            self.0.extend(features_of(dtype));
        }
        self
    }

    /// True when every feature of `other` is here.
    pub fn covers(&self, other: &PolarsFeatures) -> bool {
        other.0.is_subset(&self.0)
    }

    pub fn union(&self, other: &PolarsFeatures) -> PolarsFeatures {
        PolarsFeatures(self.0.union(&other.0).copied().collect())
    }

    /// The evcxr line that adds (or widens) the dependency.
    pub fn dep_line(&self) -> String {
        let features: Vec<String> = self.0.iter().map(|f| format!("{f:?}")).collect();
        format!(
            ":dep polars = {{ version = \"={POLARS_VERSION}\", default-features = false, features = [{}] }}",
            features.join(", ")
        )
    }

    pub fn names(&self) -> Vec<&'static str> {
        self.0.iter().copied().collect()
    }
}

/// The polars features a dtype needs, reading nested names such as `List(Date)` too.
fn features_of(dtype: &str) -> Vec<&'static str> {
    const BY_NAME: &[(&str, &str)] = &[
        ("Datetime", "dtype-datetime"),
        ("Date", "dtype-date"),
        ("Duration", "dtype-duration"),
        ("Time", "dtype-time"),
        ("Categorical", "dtype-categorical"),
        ("Enum", "dtype-categorical"),
        ("Struct", "dtype-struct"),
        ("Decimal", "dtype-decimal"),
        ("Array", "dtype-array"),
        ("UInt8", "dtype-u8"),
        ("UInt16", "dtype-u16"),
        ("Int8", "dtype-i8"),
        ("Int16", "dtype-i16"),
    ];
    let words: Vec<&str> = dtype.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
    BY_NAME.iter().filter(|(name, _)| words.contains(name)).map(|(_, feature)| *feature).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dtypes_bring_the_features_that_read_them() {
        let features = PolarsFeatures::base().with_dtypes(["Int64", "String", "Datetime(time_unit='us', time_zone=None)", "List(Date)", "Int8"]);
        assert_eq!(features.names(), vec!["dtype-date", "dtype-datetime", "dtype-i8", "fmt", "ipc"]);
        assert!(features.covers(&PolarsFeatures::base()));
        assert!(!PolarsFeatures::base().covers(&features));
        // `UInt8` is not `Int8`, and `Datetime` is not `Date` or `Time`.
        assert_eq!(features_of("UInt8"), vec!["dtype-u8"]);
        assert_eq!(features_of("Datetime(time_unit='ms', time_zone='UTC')"), vec!["dtype-datetime"]);
    }

    #[test]
    fn the_version_is_the_one_the_workspace_pins() {
        let workspace = include_str!("../../../Cargo.toml");
        assert!(workspace.contains(&format!("polars = {{ version = \"={POLARS_VERSION}\"")), "update POLARS_VERSION");
    }

    #[test]
    fn the_dep_line_pins_the_kernels_polars() {
        let line = PolarsFeatures::base().dep_line();
        assert_eq!(line, ":dep polars = { version = \"=0.55.2\", default-features = false, features = [\"fmt\", \"ipc\"] }");
    }
}
