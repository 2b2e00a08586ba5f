// The polars dependency of the Rust cells: the kernel's own version with one fixed feature set
// (every dtype), so that one build — made once, or ahead by `--prebuild-rust` — serves every frame.

/// The version of polars the kernel and its worker are built with (pinned in Cargo.toml).
pub const POLARS_VERSION: &str = "0.55.2";

/// Reading and writing Arrow IPC, printing frames, and every dtype a frame can hold. One set
/// for all hand-overs: evcxr's build cache is keyed by features, so a set that followed each
/// frame's dtypes would compile Polars again (minutes) for each new combination.
pub const FEATURES: &[&str] = &["dtype-full", "fmt", "ipc"];

/// The evcxr line that adds the dependency.
pub fn dep_line() -> String {
    let features: Vec<String> = FEATURES.iter().map(|f| format!("{f:?}")).collect();
    format!(
        ":dep polars = {{ version = \"={POLARS_VERSION}\", default-features = false, features = [{}] }}",
        features.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_is_the_one_the_workspace_pins() {
        let workspace = include_str!("../../../Cargo.toml");
        assert!(workspace.contains(&format!("polars = {{ version = \"={POLARS_VERSION}\"")), "update POLARS_VERSION");
    }

    #[test]
    fn the_dep_line_pins_the_kernels_polars() {
        assert_eq!(
            dep_line(),
            ":dep polars = { version = \"=0.55.2\", default-features = false, features = [\"dtype-full\", \"fmt\", \"ipc\"] }"
        );
    }
}
