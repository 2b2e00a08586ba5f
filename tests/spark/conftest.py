# One local Spark session for the whole test session (local[2], loopback only, no UI), started
# by the tests themselves; its start time is measured and printed.
from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "kernel" / "src" / "pipeline_commands"))
sys.path.insert(0, str(REPO / "tests" / "differential"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import spark_check  # noqa: E402  (the kernel's own check runner)


@pytest.fixture(scope="session")
def spark():
    start = time.perf_counter()
    session = spark_check.local_session("fekernel-tests")
    session.sparkContext.setLogLevel("ERROR")
    print(f"\nlocal Spark {session.version} started in {time.perf_counter() - start:.1f} s")
    yield session
    session.stop()


def pytest_terminal_summary(terminalreporter):
    import spark_tally

    if not spark_tally.OUTCOMES:
        return
    out = Path(spark_tally.TALLY.get("work_dir", ".")) / "spark_corpus_summary.json"
    s = spark_tally.write(out)
    import os

    what = "the construct snippets" if os.environ.get("FE_CORPUS_DIR", "").rstrip("/").endswith("constructs") else "the corpus"
    terminalreporter.write_line(
        f"PySpark export of {what}: {s['exported']}/{s['corpus']} snippets exported ({100 * s['exported_share']:.1f}%), "
        f"{s['equal_on_spark']} equal to Python Polars on Spark, {s['different']} different, "
        f"{s['failed_on_spark']} failed on Spark, {s['refused']} refused; Spark time {s['spark_seconds_total']} s; summary in {out}"
    )
    terminalreporter.write_line(f"refused by construct: {s['refused_by']}")
