#!/usr/bin/env bash
# The differential proof in one command: builds the fe_run runner and runs the pytest suite
# that compares every corpus snippet in Python Polars and in fe_lang, then the gate on the public
# corpus (test_public_corpus.py: no wrong answer, twins refused, >= 97% equal), then the corpus again
# on frames kept as scans (FE_RUN_SCAN: see fe_run). Non-zero on any failure.
#
# Environment: PYTHON (a python with requirements.txt installed; default python3),
#              CARGO_TARGET_DIR (where cargo builds; default <repo>/target),
#              DIFF_WORK_DIR (optional: keep data/expected/actual frames there),
#              FE_CORPUS_DIR (optional: run test_differential.py on another corpus folder, e.g.
#              public, with that folder's known_refusals.txt; the public gate then does not run).
# Extra arguments go to the first pytest run (e.g. -k tx_ or -x); with them the gate does not run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
python="${PYTHON:-python3}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}"

if ! "$python" -c 'import polars, sys; sys.exit(polars.__version__ != "2.1.0")' 2>/dev/null; then
    echo "run.sh: $python does not have polars==2.1.0; install $here/requirements.txt into it" >&2
    exit 2
fi

# FE_CORPUS_DIR may be given relative to the caller's folder or to this one.
if [ -n "${FE_CORPUS_DIR:-}" ]; then
    if [ -d "$FE_CORPUS_DIR" ]; then
        FE_CORPUS_DIR="$(cd "$FE_CORPUS_DIR" && pwd)"
    elif [ -d "$here/$FE_CORPUS_DIR" ]; then
        FE_CORPUS_DIR="$here/$FE_CORPUS_DIR"
    else
        echo "run.sh: FE_CORPUS_DIR=$FE_CORPUS_DIR is not a folder" >&2
        exit 2
    fi
    export FE_CORPUS_DIR
fi

(cd "$repo" && cargo build --release --locked -p fe-lang --example fe_run)
export FE_RUN="$CARGO_TARGET_DIR/release/examples/fe_run"

cd "$here"
status=0
"$python" -m pytest -p no:cacheprovider -q --tb=short "$here/test_differential.py" "$@" || status=$?
if [ -z "${FE_CORPUS_DIR:-}" ] && [ "$#" -eq 0 ]; then
    "$python" -m pytest -p no:cacheprovider -q --tb=short -s "$here/test_public_corpus.py" || status=$?
    # The same snippets on frames kept as scans (docs/larger-than-memory.md): every frame is three
    # Parquet files read as one scan, and each result is collected by the streaming engine.
    echo "run.sh: the corpus again on frames kept as scans (three Parquet files each, streaming engine)"
    scan_parts="$(mktemp -d)"
    FE_RUN_SCAN="$scan_parts" "$python" -m pytest -p no:cacheprovider -q --tb=short "$here/test_differential.py" || status=$?
    rm -rf "$scan_parts"
fi
exit "$status"
