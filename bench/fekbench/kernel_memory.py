# Benchmark 7: the kernel process's RSS (/proc/<pid>/status VmRSS) while its worker holds a
# 1e7-row frame, after the load and after an apply; peer: ipykernel holding the same frame in
# Python Polars (where the data lives in the kernel process itself).

from __future__ import annotations

from pathlib import Path

from . import pipeline_data, stats
from .kernels import FEKERNEL, IPYKERNEL, BenchKernel, rss_bytes

GOAL_BYTES = 100 * 1024 * 1024
APPLY = "%%fe apply tx\ndf = df.with_columns(double=pl.col('amount') * 2)"


def run(workdir: Path, data_dir: Path, rows: int) -> dict:
    tx_path, _ = pipeline_data.ensure(data_dir, rows)
    fe = BenchKernel(FEKERNEL, workdir)
    ipy = BenchKernel(IPYKERNEL, workdir)
    try:
        fe_idle, ipy_idle = rss_bytes(fe.pid), rss_bytes(ipy.pid)
        fe.timed(f"%fe load {tx_path} as tx")
        fe_loaded = rss_bytes(fe.pid)
        worker_loaded = rss_bytes(fe.worker_pid())
        fe.timed(APPLY)
        fe_applied = rss_bytes(fe.pid)
        worker_applied = rss_bytes(fe.worker_pid())
        ipy.timed(f"import polars as pl\ntx = pl.read_parquet({str(tx_path)!r})")
        ipy_loaded = rss_bytes(ipy.pid)
        ipy.timed("tx = tx.with_columns(double=pl.col('amount') * 2)")
        ipy_applied = rss_bytes(ipy.pid)
    finally:
        fe.close()
        ipy.close()
    fe_peak = max(fe_loaded, fe_applied)
    ipy_peak = max(ipy_loaded, ipy_applied)
    return {
        "rows": rows,
        "fekernel_kernel_rss_bytes": {"idle": fe_idle, "after_load": fe_loaded, "after_apply": fe_applied},
        "fekernel_worker_rss_bytes": {"after_load": worker_loaded, "after_apply": worker_applied},
        "ipykernel_rss_bytes": {"idle": ipy_idle, "after_load": ipy_loaded, "after_apply": ipy_applied},
        "ratio_kernel_vs_ipykernel": fe_peak / ipy_peak,
        "ratio_kernel_plus_worker_vs_ipykernel": (fe_applied + worker_applied) / ipy_applied,
        "goal": stats.goal("max", GOAL_BYTES, fe_peak, unit="bytes"),
    }
