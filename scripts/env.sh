# Shared settings for the set-up scripts: caches outside the clone so repeated runs are incremental.
# Sourced by scripts/test-all, scripts/test-browser and scripts/main-job.
FEKERNEL_BUILD_CACHE="${FEKERNEL_BUILD_CACHE:-$HOME/.cache/fekernel}"
# (Not FEKERNEL_CACHE: the kernel reads that one as its `cache=on|off` setting.)
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$FEKERNEL_BUILD_CACHE/target}"
export CARGO_TERM_COLOR=never
# The tests and the main job run a copy of the binary made right after the build, so another
# checkout building into the same target folder cannot swap the kernel under a running test.
FEKERNEL_BIN="$FEKERNEL_BUILD_CACHE/bin/$(printf %s "$PWD" | sha256sum | cut -c1-12)/fekernel"

log() { printf '\n==> %s [%s]\n' "$*" "$(date +%H:%M:%S)"; }

# A Python venv with the pinned requirements; rebuilt only when they change.
ensure_venv() {
  local venv="$1"; shift
  local stamp="$venv/.requirements.sha256"
  local want; want=$(cat "$@" | sha256sum | cut -d' ' -f1)
  if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "creating Python venv $venv"
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check --upgrade pip
    local req; for req in "$@"; do
      "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$req"
    done
    echo "$want" > "$stamp"
  fi
}

build_kernel() {
  log "building fekernel (release; a cold build took 22.5 min on 2 cores)"
  cargo build --release --locked --workspace --all-targets
  copy_kernel_binary
}

copy_kernel_binary() {
  install -D -m 0755 "$CARGO_TARGET_DIR/release/fekernel" "$FEKERNEL_BIN"
}
