# Shared by bench/run and bench/profile: the venv with the pinned peers, a release build of the
# kernel and the Rust benchmark examples, private copies of them, and the kernelspec installed.
# Sourced from the repository root; sets VENV and FEKBENCH_BIN and puts the venv on PATH.
source scripts/env.sh

VENV="${FEKERNEL_BENCH_VENV:-$FEKERNEL_BUILD_CACHE/venv-bench}"
ensure_venv "$VENV" bench/requirements.txt

# Private copies, each taken right after its build: the target folder is shared, and another
# engineer's build may replace its binaries at any time (before or during the run).
FEKBENCH_BIN="$FEKERNEL_BUILD_CACHE/bench-bin"
rm -rf "$FEKBENCH_BIN" && mkdir -p "$FEKBENCH_BIN/release/examples"
log "building fekernel and the benchmark examples (release)"
cargo build --release --locked -p fekernel
cp "$CARGO_TARGET_DIR/release/fekernel" "$FEKBENCH_BIN/release/"
cargo build --release --locked -p fe-lang --example bench_check
cp "$CARGO_TARGET_DIR/release/examples/bench_check" "$FEKBENCH_BIN/release/examples/"
cargo build --release --locked -p fe-worker --features test-probes --bins --example bench_restore --example bench_engine
cp "$CARGO_TARGET_DIR/release/fe-worker-test-host" "$FEKBENCH_BIN/release/"
cp "$CARGO_TARGET_DIR/release/examples/bench_restore" "$CARGO_TARGET_DIR/release/examples/bench_engine" \
   "$FEKBENCH_BIN/release/examples/"
# The knobs the bench README's table compares (engine_knobs.py): other global allocators (only
# the example relinks) here; the variants that compile Polars again (baseline CPU, Polars' wheel
# profile) in bench/build-variants (FEKBENCH_VARIANTS=0 skips them: their rows say "not built").
for allocator in jemalloc system-allocator; do
  cargo build --release --locked -p fe-worker --features "test-probes,$allocator" --example bench_engine
  cp "$CARGO_TARGET_DIR/release/examples/bench_engine" "$FEKBENCH_BIN/release/examples/bench_engine-$allocator"
done
if [ "${FEKBENCH_VARIANTS:-1}" = 1 ]; then
  bash bench/build-variants
fi
export FEKBENCH_VARIANTS_DIR="$FEKERNEL_BUILD_CACHE/bench-variants"
export FEKBENCH_BIN
export FEKBENCH_DATA="${FEKBENCH_DATA:-$FEKERNEL_BUILD_CACHE/bench-data}"

log "installing the kernelspec into $VENV"
VIRTUAL_ENV="$VENV" "$FEKBENCH_BIN/release/fekernel" install --sys-prefix >/dev/null
export PATH="$VENV/bin:$PATH"
jupyter kernelspec list
