// The global allocator of every binary that links the worker (the kernel, which runs the worker,
// its test host, the benchmarks): mimalloc, unless a benchmark feature picks another.
//!
//! Measured by `bench/run` (engine_knobs, quiet machine): on the 10-feature pipeline mimalloc took
//! 0.77x (1e6 rows) and 0.76x (1e7) of glibc malloc's time; jemalloc 1.08x and 0.96x.

#[cfg(not(any(feature = "jemalloc", feature = "system-allocator")))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(all(feature = "jemalloc", not(feature = "system-allocator")))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// The allocator this build uses, as the benchmarks name it.
pub const NAME: &str = if cfg!(feature = "system-allocator") {
    "system"
} else if cfg!(feature = "jemalloc") {
    "jemalloc"
} else {
    "mimalloc"
};
