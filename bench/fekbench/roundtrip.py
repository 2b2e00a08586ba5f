# Benchmark 1: execute round trip of a trivial magic (what a user feels) against ipykernel
# running `pass`, through jupyter_client, interleaved A B A B; median and p99 of each.

from __future__ import annotations

from pathlib import Path

from . import stats
from .kernels import FEKERNEL, IPYKERNEL, BenchKernel

GOAL_RATIO = 0.5
WARMUP = 20


def _interleaved(fe: BenchKernel, fe_code: str, ipy: BenchKernel, iterations: int, store_history: bool = True) -> dict:
    for _ in range(WARMUP):
        fe.timed(fe_code, store_history=store_history)
        ipy.timed("pass", store_history=store_history)
    ours, theirs = [], []
    for _ in range(iterations):
        ours.append(fe.timed(fe_code, store_history=store_history))
        theirs.append(ipy.timed("pass", store_history=store_history))
    fe_summary, ipy_summary = stats.summary(ours), stats.summary(theirs)
    return {
        "fekernel_code": fe_code,
        "store_history": store_history,
        "ipykernel_code": "pass",
        "fekernel_seconds": fe_summary,
        "ipykernel_seconds": ipy_summary,
        "ratio": stats.paired_ratio(ours, theirs),
        "ratio_of_medians": fe_summary["median"] / ipy_summary["median"],
        "ratio_of_p99": fe_summary["p99"] / ipy_summary["p99"],
    }


def run(workdir: Path, iterations: int) -> dict:
    data = workdir / "roundtrip_small.parquet"
    import polars as pl

    pl.DataFrame({"a": [1, 2, 3], "b": ["x", "y", "z"]}).write_parquet(data)
    fe = BenchKernel(FEKERNEL, workdir)
    ipy = BenchKernel(IPYKERNEL, workdir)
    try:
        # The smallest thing a user runs: `%fe status` before the worker starts (kernel only).
        before_worker = _interleaved(fe, "%fe status", ipy, iterations)
        # IPython writes each stored cell to its SQLite history; without it ipykernel is faster.
        no_history = _interleaved(fe, "%fe status", ipy, iterations, store_history=False)
        # A magic that asks the running worker something small (one request over its pipe).
        fe.timed(f"%fe load {data} as small")
        with_worker = _interleaved(fe, "%fe frames", ipy, iterations)
    finally:
        fe.close()
        ipy.close()
    result = {
        "iterations": iterations,
        "status_before_worker": before_worker,
        "status_before_worker_no_history": no_history,
        "frames_with_worker": with_worker,
    }
    result["goal"] = stats.goal("max", GOAL_RATIO, before_worker["ratio"]["median"])
    return result
