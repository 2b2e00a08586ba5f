# Frames kept as scans (larger than memory) through the real kernel: a hive-partitioned Parquet
# folder loaded with --lazy, applies that only plan (an over window, a join with a frame in memory),
# schema from the sample, save that streams, equal to Python Polars' scan_parquet(...).collect();
# a worker killed mid-session re-plans the frame; a source changed since the load is named.
# The last test loads a source three times the worker's memory limit, applies and saves it.

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from kernel_session import Kernel

FEATURES = (
    "df = df.with_columns(\n"
    "    amount_mean=pl.col('amount').mean().over('customer'),\n"
    "    big=(pl.col('amount') > 50).cast(pl.Int8),\n"
    ")\n"
    "df = df.join(customers, on='customer', how='left')\n"
    "df = df.filter(pl.col('amount').is_not_null())\n"
)


def python_features(df: pl.LazyFrame, customers: pl.DataFrame) -> pl.LazyFrame:
    df = df.with_columns(
        amount_mean=pl.col("amount").mean().over("customer"),
        big=(pl.col("amount") > 50).cast(pl.Int8),
    )
    df = df.join(customers.lazy(), on="customer", how="left")
    return df.filter(pl.col("amount").is_not_null())


def write_source(folder: Path) -> Path:
    root = folder / "tx"
    n = 40_000
    tx = pl.DataFrame(
        {
            "id": range(n),
            "customer": [f"c{i % 97}" for i in range(n)],
            "amount": [None if i % 13 == 0 else float((i * 37) % 200) for i in range(n)],
        }
    )
    for month in (1, 2):
        for part in range(2):
            target = root / f"month={month}"
            target.mkdir(parents=True, exist_ok=True)
            chunk = tx.filter((pl.col("id") % 4) == (month - 1) * 2 + part)
            chunk.write_parquet(target / f"part-{part}.parquet")
    pl.DataFrame({"customer": [f"c{i}" for i in range(97)], "segment": [i % 3 for i in range(97)]}).write_csv(folder / "customers.csv")
    return root


@pytest.fixture(scope="module")
def kernel(tmp_path_factory, kernelspec):
    folder = tmp_path_factory.mktemp("scanned")
    write_source(folder)
    k = Kernel(folder)
    k.folder = folder
    yield k
    k.close()


def expected(folder: Path) -> pl.DataFrame:
    customers = pl.read_csv(folder / "customers.csv")
    return python_features(pl.scan_parquet(folder / "tx", hive_partitioning=True), customers).collect()


def test_a_folder_is_kept_as_a_scan_and_saved_by_streaming_equal_to_python_polars(kernel):
    loaded = kernel.ok("%fe load tx as tx --lazy").text()
    assert "kept as a scan" in loaded and "4 Parquet files" in loaded, loaded
    assert "40000 rows" in loaded, loaded
    frames = kernel.ok("%fe frames").text()
    assert "scan of" in frames and "in memory" not in frames, frames
    kernel.ok("%fe load customers.csv")
    applied = kernel.ok("%%fe apply tx\n" + FEATURES).text()
    assert "planned, nothing read yet" in applied and "amount_mean" in applied, applied
    schema = kernel.ok("%fe schema tx").text()
    assert "statistics from a sample of" in schema and "segment" in schema, schema
    assert "kept as a scan" in kernel.ok("%fe status").text()
    kernel.ok("%fe save tx out/features.parquet")
    got = pl.read_parquet(kernel.folder / "out/features.parquet")
    assert_frame_equal(got.sort("id"), expected(kernel.folder).sort("id"))


def test_the_export_reads_the_same_files_in_python_polars(kernel):
    kernel.ok("%fe export tx out/tx_pipeline.py")
    script = (kernel.folder / "out/tx_pipeline.py").read_text()
    assert "pl.scan_parquet(" in script and "hive_partitioning=True" in script, script
    done = subprocess.run(
        [sys.executable, "out/tx_pipeline.py", "out/exported.parquet"], cwd=kernel.folder, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    got = pl.read_parquet(kernel.folder / "out/exported.parquet")
    assert_frame_equal(got.sort("id"), expected(kernel.folder).sort("id"))


def test_show_streams_the_first_rows_and_undo_goes_back_to_the_scan(kernel):
    shown = kernel.ok("%fe show tx 3").text()
    assert "kept as a scan" in shown and "amount_mean" in shown, shown
    kernel.ok("%fe undo tx")
    assert "amount_mean" not in kernel.ok("%fe show tx 3").text()
    kernel.ok("%%fe apply tx\n" + FEATURES)


def test_evaluate_runs_on_the_sample_and_says_so(kernel):
    text = kernel.ok("%fe evaluate tx --target big", timeout=300).text()
    assert "kept as a scan" in text and "computed on a sample of" in text and "amount_mean" in text, text


def test_replay_recomputes_on_new_data_and_refuses_fitted_statistics(kernel):
    new = kernel.folder / "new_month.parquet"
    pl.read_parquet(kernel.folder / "tx/month=1/part-0.parquet").with_columns(month=pl.lit(3, dtype=pl.Int64)).write_parquet(new)
    refused = kernel.fails("%fe replay tx new_month.parquet as fitted", "UsageError").reply["content"]["evalue"]
    for words in ("kept as a scan", "replay with --recompute", "no frame `fitted` was created"):
        assert words in refused, refused
    assert "max_versions" not in refused, refused
    kernel.ok("%fe replay tx new_month.parquet as may --recompute")
    kernel.ok("%fe save may out/may.parquet")
    customers = pl.read_csv(kernel.folder / "customers.csv")
    want = python_features(pl.scan_parquet(new), customers).collect()
    assert_frame_equal(pl.read_parquet(kernel.folder / "out/may.parquet").sort("id"), want.sort("id"))


def test_a_killed_worker_re_plans_the_scan_from_its_steps(kernel):
    pid = kernel.worker_pid()
    os.kill(pid, signal.SIGKILL)
    time.sleep(0.3)
    kernel.ok("%fe save tx out/after_kill.parquet")
    assert kernel.worker_pid() != pid
    got = pl.read_parquet(kernel.folder / "out/after_kill.parquet")
    assert_frame_equal(got.sort("id"), expected(kernel.folder).sort("id"))


def test_a_source_changed_since_the_load_is_named_not_silently_read(kernel):
    changed = kernel.folder / "tx/month=2/part-1.parquet"
    pl.DataFrame({"id": [1], "customer": ["c1"], "amount": [1.0]}).write_parquet(changed)
    os.kill(kernel.worker_pid(), signal.SIGKILL)
    time.sleep(0.3)
    run = kernel.run("%fe frames")
    text = run.text() + str(run.reply["content"])
    assert "part-1.parquet" in text and "changed since it was loaded" in text, text
    assert "scan of" not in kernel.ok("%fe frames").text()


BIG_FEATURES = (
    "df = df.with_columns(\n"
    "    y=pl.col('x') / 1e15 + pl.col('key'),\n"
    "    z=pl.col('x').log1p(),\n"
    "    x_mean=pl.col('x').mean().over('key'),\n"
    "    n_key=pl.len().over('key'),\n"
    ")\n"
    "df = df.join(labels.with_columns(pl.col('key').cast(pl.Int32)), on='key', how='left')\n"
)


def test_a_source_three_times_the_memory_limit_is_loaded_applied_and_saved(tmp_path, kernelspec):
    # 1.55 GiB of Parquet (96 million rows, incompressible floats) against a 512 MiB worker
    # limit; the features have `over` windows (run as group-bys joined back) and a join with a
    # frame in memory.
    rows_per_file, files = 6_000_000, 16
    root = tmp_path / "big"
    root.mkdir()
    for i in range(files):
        start = i * rows_per_file
        pl.select(
            id=pl.int_range(start, start + rows_per_file, dtype=pl.Int64),
            x=pl.int_range(start, start + rows_per_file).hash(7).cast(pl.Float64),
        ).with_columns(key=(pl.col("id") % 1000).cast(pl.Int32)).write_parquet(root / f"part-{i}.parquet", compression="uncompressed")
    pl.DataFrame({"key": pl.Series(range(0, 1000, 2), dtype=pl.Int32), "label": [f"k{i}" for i in range(0, 1000, 2)]}).write_csv(tmp_path / "labels.csv")
    size = sum(p.stat().st_size for p in root.iterdir())
    assert size >= 3 * 512 * 2**20, size
    k = Kernel(tmp_path)
    try:
        k.ok("%fe config memory=512MiB")
        loaded = k.ok("%fe load big as big", timeout=300).text()
        assert "kept as a scan" in loaded, loaded
        k.ok("%fe load labels.csv")
        k.ok("%%fe apply big\n" + BIG_FEATURES, timeout=300)
        k.ok("%fe save big big_out.parquet", timeout=600)
        assert "0 restart(s)" in k.ok("%fe status").text()
        # A whole-frame sort would hold every row: refused before it runs, with the sizes.
        refused = k.fails("%%fe apply big\ndf = df.sort('x')", "ResourceLimit").reply["content"]["evalue"]
        for words in ("`sort` of the whole frame needs every row in memory", "96000000 rows", "512.0 MiB", "frame `big` is still at version 2"):
            assert words in refused, refused
        assert "0 restart(s)" in k.ok("%fe status").text()
    finally:
        k.close()
    out = pl.scan_parquet(tmp_path / "big_out.parquet")
    assert out.select(pl.len()).collect().item() == rows_per_file * files
    sample = pl.DataFrame({"id": [0, 17, rows_per_file * 3 + 5, rows_per_file * files - 1]})
    got = out.join(sample.lazy(), on="id").collect().sort("id")
    source = pl.scan_parquet(root / "*.parquet")
    per_key = source.group_by("key").agg(x_mean=pl.col("x").mean(), n_key=pl.len())
    want = (
        source.join(sample.lazy(), on="id")
        .with_columns(y=pl.col("x") / 1e15 + pl.col("key"), z=pl.col("x").log1p())
        .join(per_key, on="key", how="left")
        .join(pl.read_csv(tmp_path / "labels.csv", schema_overrides={"key": pl.Int32}).lazy(), on="key", how="left")
        .collect()
        .sort("id")
        .select(got.columns)
    )
    assert_frame_equal(got, want)
