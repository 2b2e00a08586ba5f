// The CPU features this binary was compiled for (Python Polars' wheel baseline, set in
// .cargo/config.toml), checked at start so an older CPU gets a message instead of SIGILL.

/// Compiled-in x86-64 features this CPU does not have (empty when it has them all).
pub fn missing_features() -> Vec<&'static str> {
    #[allow(unused_mut)]
    let mut missing = Vec::new();
    #[cfg(target_arch = "x86_64")]
    {
        // Only features the build turned on are checked: a build for another baseline (RUSTFLAGS
        // replaces the config's flags) never refuses to start.
        macro_rules! require {
            ($($feature:tt),*) => {$(
                if cfg!(target_feature = $feature) && !std::arch::is_x86_feature_detected!($feature) {
                    missing.push($feature);
                }
            )*};
        }
        require!("sse3", "ssse3", "sse4.1", "sse4.2", "popcnt", "cmpxchg16b", "avx", "avx2", "fma", "bmi1", "bmi2", "lzcnt", "pclmulqdq", "movbe");
    }
    missing
}

/// What to tell the user whose CPU lacks `missing`.
pub fn refusal(missing: &[&str]) -> String {
    format!(
        "this CPU lacks {}, which this build of fekernel was compiled for (the baseline of Python Polars' \
         default x86-64 wheel). Build it for this machine instead: \
         RUSTFLAGS=\"-C target-cpu=native\" cargo build --release --locked -p fekernel",
        missing.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_refusal_names_what_is_missing_and_how_to_rebuild() {
        let text = refusal(&["avx2", "fma"]);
        assert!(text.contains("avx2, fma"));
        assert!(text.contains("target-cpu=native"));
    }
}
