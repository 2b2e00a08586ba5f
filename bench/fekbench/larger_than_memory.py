# Benchmark: a source three times the worker's memory limit, kept as a scan. `%fe load` of a
# folder of Parquet files, a 10-feature `%%fe apply` (over windows, a join) and `%fe save`, against
# Python Polars running the same code on `scan_parquet` with `sink_parquet` (its streaming engine).
#
# The worker runs under its memory limit; Python Polars runs without one, and its peak is reported
# beside the worker's.

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import polars as pl
from polars.testing import assert_frame_equal

from .kernels import FEKERNEL, BenchKernel

GOAL_VS_POLARS = 1.2  # fekernel load + apply + save / Python Polars scan → features → sink, at most

FEATURES = textwrap.dedent(
    """\
    df = df.with_columns(
        amount_log=pl.col("amount").log1p(),
        amount_z=(pl.col("amount") - pl.col("amount").mean().over("customer")) / pl.col("amount").std().over("customer"),
        customer_tx=pl.len().over("customer"),
        customer_total=pl.col("amount").sum().over("customer"),
        merchant_ratio=pl.col("amount") / pl.col("amount").mean().over("merchant"),
        hour=pl.col("ts").dt.hour(),
        weekend=pl.col("ts").dt.weekday() >= 6,
        large=pl.col("amount") > 100,
    )
    df = df.join(merchants, on="merchant", how="left")
    df = df.with_columns(risk_amount=pl.col("risk") * pl.col("amount"))
    """
)

PYTHON_PEER = textwrap.dedent(
    """\
    import resource, sys, time
    import polars as pl
    source, merchants_path, out = sys.argv[1:4]
    started = time.perf_counter()
    merchants = pl.scan_parquet(merchants_path)
    df = pl.scan_parquet(source)
    {features}
    df.sink_parquet(out)
    print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
    """
)


def make_source(folder: Path, rows: int, files: int) -> tuple[Path, Path]:
    """Transactions-like Parquet files (customers, merchants, amounts, timestamps), made once."""
    source = folder / "transactions"
    merchants = folder / "merchants.parquet"
    stamp = source / f".made-{rows}-{files}"
    if stamp.exists():
        return source, merchants
    source.mkdir(parents=True, exist_ok=True)
    for old in source.glob("*.parquet"):
        old.unlink()
    per_file = rows // files
    for i in range(files):
        start = i * per_file
        ids = pl.int_range(start, start + per_file, dtype=pl.Int64)
        pl.select(id=ids).with_columns(
            customer=(pl.col("id").hash(1) % 1_000_000).cast(pl.Int32),
            merchant=(pl.col("id").hash(2) % 10_000).cast(pl.Int32),
            amount=(pl.col("id").hash(3) % 1_000_000).cast(pl.Float64) / 1000.0,
            ts=(pl.lit(1_700_000_000_000) + pl.col("id") * 317).cast(pl.Datetime("ms")),
            noise=pl.col("id").hash(4).cast(pl.Float64),
        ).write_parquet(source / f"part-{i:03d}.parquet")
    pl.DataFrame({"merchant": pl.Series(range(10_000), dtype=pl.Int32), "risk": [((m * 7919) % 100) / 100 for m in range(10_000)]}).write_parquet(merchants)
    stamp.touch()
    return source, merchants


def _vm_hwm(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


def _worker_pid(kernel: BenchKernel) -> int:
    text = kernel.ok("%fe status").text()
    return int(text.split("pid ", 1)[1].split(",", 1)[0])


def run(work: Path, data: Path, rows: int, files: int, memory_limit: str) -> dict:
    source, merchants = make_source(data / "larger-than-memory", rows, files)
    source_bytes = sum(p.stat().st_size for p in source.glob("*.parquet"))
    limit_bytes = {"GiB": 2**30, "MiB": 2**20}[memory_limit[-3:]] * int(memory_limit[:-3])

    peer = work / "scan_peer.py"
    peer.write_text(PYTHON_PEER.format(features=FEATURES.strip()))
    polars_out = work / "polars_out.parquet"
    done = subprocess.run(
        [sys.executable, str(peer), str(source / "*.parquet"), str(merchants), str(polars_out)],
        capture_output=True, text=True, check=True,
    )
    polars_seconds, polars_peak = (float(v) for v in done.stdout.split())

    (work / "merchants.parquet").write_bytes(merchants.read_bytes())
    kernel = BenchKernel(FEKERNEL, work)
    try:
        kernel.ok(f"%fe config memory={memory_limit}")
        kernel.ok("%fe load merchants.parquet")
        load = kernel.timed(f'%fe load "{source}" as tx --lazy')
        apply = kernel.timed("%%fe apply tx\n" + FEATURES)
        save = kernel.timed("%fe save tx fekernel_out.parquet")
        worker_peak = _vm_hwm(_worker_pid(kernel))
        restarts = kernel.ok("%fe status").text().split(" restart(s)", 1)[0].rsplit(", ", 1)[-1]
    finally:
        kernel.close()

    fekernel_out = work / "fekernel_out.parquet"
    counted = pl.scan_parquet(fekernel_out).select(pl.len()).collect().item()
    sample = pl.DataFrame({"id": [0, 12_345, rows // 2 + 7, rows - 1]})
    got = pl.scan_parquet(fekernel_out).join(sample.lazy(), on="id").collect().sort("id")
    want = pl.scan_parquet(polars_out).join(sample.lazy(), on="id").collect().sort("id")
    # The same rows to 1e-9 relative (a group-by sums in another order than a window).
    try:
        assert_frame_equal(got, want, rel_tol=1e-9)
        equal = True
    except AssertionError:
        equal = False
    os.unlink(polars_out)
    os.unlink(fekernel_out)
    fekernel_seconds = load + apply + save
    return {
        "rows": rows,
        "files": files,
        "source_bytes": source_bytes,
        "memory_limit_bytes": limit_bytes,
        "source_over_limit": source_bytes / limit_bytes,
        "fekernel_load_seconds": load,
        "fekernel_apply_seconds": apply,
        "fekernel_save_seconds": save,
        "fekernel_seconds": fekernel_seconds,
        "fekernel_worker_peak_rss_bytes": worker_peak,
        "worker_restarts": int(restarts) if restarts.isdigit() else restarts,
        "polars_seconds": polars_seconds,
        "polars_peak_rss_bytes": polars_peak,
        "ratio_vs_polars": fekernel_seconds / polars_seconds,
        "goal_vs_polars": GOAL_VS_POLARS,
        "rows_written": counted,
        "sampled_rows_equal": equal,
    }
