#!/usr/bin/env bash
# The PySpark export's proof in one command: builds the spark_export runner and runs the pytest
# suite that exports every corpus snippet (then every construct snippet) and runs the scripts on Spark.
#
# Environment: PYTHON (a python with requirements.txt installed; default python3),
#              CARGO_TARGET_DIR (where cargo builds; default <repo>/target),
#              SPARK_WORK_DIR (optional: keep data, expected frames and scripts there).
# Extra arguments go to pytest (e.g. -k houses_ or -x).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
python="${PYTHON:-python3}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}"

if ! "$python" -c 'import pyspark, polars, sys; sys.exit(pyspark.__version__ != "4.3.0" or polars.__version__ != "2.1.0")' 2>/dev/null; then
    echo "run.sh: $python does not have pyspark==4.3.0 and polars==2.1.0; install $here/requirements.txt into it" >&2
    exit 2
fi
if ! command -v java >/dev/null 2>&1; then
    echo "run.sh: local Spark needs Java 17+ (scripts/install-java installs Debian's default-jre-headless)" >&2
    exit 2
fi

(cd "$repo" && cargo build --release --locked -p fe-lang --example spark_export)
export SPARK_EXPORT="$CARGO_TARGET_DIR/release/examples/spark_export"

cd "$here"
status=0
# pytest's 5 ("no tests ran": a -k that selects none of one part) is not a failure here.
run() { "$python" -m pytest -p no:cacheprovider -q -rN --tb=short "$@" || { rc=$?; [[ $rc -eq 5 ]] || status=$rc; }; }
run "$here/test_runtime_helpers.py" "$here/test_corpus_on_spark.py" "$@"
# The construct snippets (constructs/): the options of each translated construct the corpus does
# not reach (labels, offsets, nulls, ties, Float32, …), run the same way against Python Polars.
constructs_dir=""
if [[ -n "${SPARK_WORK_DIR:-}" ]]; then constructs_dir="$SPARK_WORK_DIR/constructs"; fi
FE_CORPUS_DIR="$here/constructs" SPARK_WORK_DIR="$constructs_dir" run "$here/test_corpus_on_spark.py" "$@"
exit "$status"
