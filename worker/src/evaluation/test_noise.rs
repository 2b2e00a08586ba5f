// Reproducible noise for the evaluation tests: the same pseudo-random columns on every run and
// machine, so a test of "signal is kept, noise is not" never depends on a random seed.

/// A fixed pseudo-random sequence in [0, 1) (SplitMix64 of the row and the salt).
pub(crate) fn noise(n: usize, salt: u64) -> Vec<f64> {
    (0..n as u64)
        .map(|i| {
            let mut z = (i << 8 | salt).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            (z ^ (z >> 31)) as f64 / u64::MAX as f64
        })
        .collect()
}
