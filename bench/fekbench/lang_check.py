# Benchmark 4: check + interpret of a 100-line cell (lang/examples/bench_check, 100 runs each
# invocation); as context, CPython parsing and byte-compiling the same text, interleaved.

from __future__ import annotations

import json
import re
import subprocess
import time
from pathlib import Path

from . import stats
from .kernels import REPO

GOAL_MS = 5.0
SOURCE = REPO / "lang" / "examples" / "bench_check.rs"


def cell_text() -> str:
    """The 100-line cell the Rust example benchmarks (its `CELL` constant)."""
    match = re.search(r'const CELL: &str = r#"(.*?)"#;', SOURCE.read_text(), re.S)
    if not match:
        raise RuntimeError(f"no CELL constant in {SOURCE}")
    return match.group(1)


def _cpython_compile_ms(text: str, runs: int = 100) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        compile(text, "<cell>", "exec")
        times.append((time.perf_counter() - started) * 1000)
    return stats.summary(times)["median"]


def run(binary: Path, invocations: int) -> dict:
    text = cell_text()
    medians, p90s, checks, cpython = [], [], [], []
    for _ in range(invocations):
        out = subprocess.run([str(binary)], capture_output=True, text=True, check=True).stdout
        report = json.loads(out.strip().splitlines()[-1])
        medians.append(report["median_ms"])
        p90s.append(report["p90_ms"])
        if "parse_check_median_ms" in report:  # newer versions also time parse + check alone
            checks.append(report["parse_check_median_ms"])
        cpython.append(_cpython_compile_ms(text))
    median = stats.summary(medians)
    return {
        "lines": len(text.splitlines()),
        "invocations": invocations,
        "runs_per_invocation": 100,
        "median_ms": median,
        "p90_ms": stats.summary(p90s),
        "parse_check_only_ms": stats.summary(checks) if checks else None,
        "cpython_compile_ms": stats.summary(cpython),
        "ratio_vs_cpython_compile": stats.paired_ratio(medians, cpython),
        "goal": stats.goal("max", GOAL_MS, median["median"], unit="ms"),
    }
