// The polars dependency of the Rust cells: the kernel's own version with one fixed feature set
// (every dtype), so that one build — made once, or ahead by `--prebuild-rust` — serves every frame.

/// The version of polars the kernel and its worker are built with (pinned in Cargo.toml).
pub const POLARS_VERSION: &str = "0.55.2";

/// Reading and writing Arrow IPC, printing frames, and every dtype a frame can hold (the dtype
/// features the worker is built with; not `dtype-full`, whose 128-bit and Float16 kernels double
/// the build). One set for all hand-overs: evcxr's build cache is keyed by features, so a set
/// that followed each frame's dtypes would compile Polars again (minutes) for each new combination.
pub const FEATURES: &[&str] = &[
    "fmt", "ipc", "dtype-date", "dtype-datetime", "dtype-duration", "dtype-time", "dtype-categorical",
    "dtype-struct", "dtype-decimal", "dtype-array", "dtype-u8", "dtype-u16", "dtype-i8", "dtype-i16",
];

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
        let line = dep_line();
        assert!(line.starts_with(":dep polars = { version = \"=0.55.2\", default-features = false, features = [\"fmt\", \"ipc\", "));
    }

    #[test]
    fn every_dtype_the_worker_can_hold_is_readable_in_rust_cells() {
        let workspace = include_str!("../../../Cargo.toml");
        let worker_dtypes: Vec<&str> =
            workspace.split('"').filter(|word| word.starts_with("dtype-")).collect();
        assert!(worker_dtypes.len() >= 10, "the workspace's polars features were not found");
        for dtype in worker_dtypes {
            assert!(FEATURES.contains(&dtype), "{dtype} is a feature of the worker's polars but not of the Rust cells'");
        }
    }
}
