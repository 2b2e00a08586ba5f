// The global allocator of every binary that links the worker (the kernel, which runs the worker,
// its test host, the benchmarks): mimalloc, unless a benchmark feature picks another.
//!
//! Measured by `bench/run` (engine_knobs, quiet machine, 2026-12-04): on the 10-feature pipeline
//! glibc malloc took 1.44x (1e6 rows) and 1.30x (1e7) of the product's time, jemalloc 1.53x and
//! 1.43x.
//!
//! `configure` keeps freed memory for ten seconds before giving it back to the OS, as jemalloc
//! does under Python Polars (its `dirty_decay_ms` default). With mimalloc's own delay (1 s) a
//! 1e7-row pipeline spent about a third of its CPU time in the Linux kernel zeroing fresh pages
//! (`clear_page_erms`, 1.6 s per run against 0.14 s in Python Polars; bench/profile's side by
//! side); the 1 s delay takes 0.98x and 1.14x of the product's time (engine_knobs). The cost is
//! resident memory: peak RSS 6.5–6.8 GiB against 5.7 GiB at 1e7 (bench/README.md); peak VmData,
//! which the worker's memory limit (RLIMIT_DATA) counts, was 9.9 GiB with either delay.

#[cfg(not(any(feature = "jemalloc", feature = "system-allocator")))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(all(feature = "jemalloc", not(feature = "system-allocator")))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// How long freed memory is kept for reuse before it is returned to the OS.
pub const PURGE_DELAY_MS: i64 = 10_000;

/// Tunes the global allocator; call at the start of a process, before any thread starts.
pub fn configure() {
    #[cfg(not(any(feature = "jemalloc", feature = "system-allocator")))]
    mimalloc_options::set_default(mimalloc_options::PURGE_DELAY, PURGE_DELAY_MS);
}

/// For a process with a small heap (the kernel): mimalloc commits the memory it reserves only
/// as it is used, instead of committing whole arenas up front (measured by hand: the idle
/// kernel's RSS 31–36 MiB with whole arenas, 21 MiB with this; 24–26 MiB under glibc). It must
/// run before the first allocation, which reserves the first arena: the kernel calls it from
/// a constructor that runs before `main` (kernel/src/small_heap.rs).
pub fn keep_heap_small() {
    #[cfg(not(any(feature = "jemalloc", feature = "system-allocator")))]
    mimalloc_options::set_default(mimalloc_options::ARENA_EAGER_COMMIT, 0);
}

/// mimalloc's run-time options (its `mi_option_*` C API; the `mimalloc` crate binds them only
/// with its `extended` feature, which brings another crate and still lacks this option's name).
#[cfg(not(any(feature = "jemalloc", feature = "system-allocator")))]
mod mimalloc_options {
    use std::ffi::{c_int, c_long};

    /// `mi_option_purge_delay` in mimalloc v3's `mimalloc.h` (libmimalloc-sys 0.1.49; the test
    /// below checks it against the option's environment variable).
    pub const PURGE_DELAY: c_int = 15;
    /// `mi_option_arena_eager_commit`, likewise.
    pub const ARENA_EAGER_COMMIT: c_int = 4;

    extern "C" {
        fn mi_option_set_default(option: c_int, value: c_long);
        #[cfg(test)]
        fn mi_option_get(option: c_int) -> c_long;
    }

    /// Sets `option` unless the environment (`MIMALLOC_…`) already did.
    pub fn set_default(option: c_int, value: i64) {
        // SAFETY: mimalloc's option calls take any option number and value; they only store it.
        unsafe { mi_option_set_default(option, value as c_long) }
    }

    #[cfg(test)]
    pub fn get(option: c_int) -> i64 {
        // SAFETY: as above; reading an option has no preconditions.
        unsafe { mi_option_get(option) as i64 }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        /// Run in a child process with the option's environment variable set: the option
        /// numbers we use are the ones mimalloc reads those variables into, and `configure` /
        /// `keep_heap_small` leave an option as the user set it.
        #[test]
        fn option_numbers_are_the_options_mimalloc_reads_from_its_environment() {
            if let Ok(expected) = std::env::var("FE_ALLOCATOR_TEST_EXPECT") {
                crate::allocator::configure();
                crate::allocator::keep_heap_small();
                let got = format!("{} {}", get(PURGE_DELAY), get(ARENA_EAGER_COMMIT));
                assert_eq!(got, expected);
                return;
            }
            let run = |env: &[(&str, &str)]| {
                let mut command = std::process::Command::new(std::env::current_exe().unwrap());
                command.args(["--exact", "allocator::mimalloc_options::tests::option_numbers_are_the_options_mimalloc_reads_from_its_environment"]);
                command.env_remove("MIMALLOC_PURGE_DELAY").env_remove("MIMALLOC_ARENA_EAGER_COMMIT").envs(env.iter().copied());
                let output = command.output().unwrap();
                assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stdout));
                assert!(String::from_utf8_lossy(&output.stdout).contains("1 passed"));
            };
            run(&[("MIMALLOC_PURGE_DELAY", "4321"), ("MIMALLOC_ARENA_EAGER_COMMIT", "1"), ("FE_ALLOCATOR_TEST_EXPECT", "4321 1")]);
            run(&[("FE_ALLOCATOR_TEST_EXPECT", &format!("{} 0", super::super::PURGE_DELAY_MS))]);
        }
    }
}

/// The allocator this build uses, as the benchmarks name it.
pub const NAME: &str = if cfg!(feature = "system-allocator") {
    "system"
} else if cfg!(feature = "jemalloc") {
    "jemalloc"
} else {
    "mimalloc"
};
