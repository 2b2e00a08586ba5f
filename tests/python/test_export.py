# `%fe export` through the real kernel: two frames (one joined into the other), steps with
# over/rolling/dt/when-then, a join, an undo, and more steps than `max_versions` keeps; the
# exported script, run with Python Polars, must rebuild the kernel's frame exactly.

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from kernel_session import Kernel

REL_TOL = 1e-9

CUSTOMERS_STEPS = [
    'df = df.with_columns(vip=pl.col("tier") >= 2, signup_year=pl.col("signup").dt.year())',
]

TX_STEPS = [
    # over
    'df = df.with_columns(amount_vs_customer=pl.col("amount") / pl.col("amount").mean().over("customer_id"))',
    # dt
    'df = df.with_columns(hour=pl.col("ts").dt.hour(), weekday=pl.col("ts").dt.weekday(), day=pl.col("ts").dt.date())',
    # when/then and other conditionals
    'df = df.with_columns(\n'
    '    pl.when(pl.col("amount") > 50).then(pl.lit("big"))\n'
    '    .when(pl.col("amount").is_null()).then(pl.lit("unknown"))\n'
    '    .otherwise(pl.lit("small"))\n'
    '    .alias("size"),\n'
    '    amount_clipped=pl.col("amount").clip(10.0, 80.0),\n'
    '    online=pl.col("channel").is_in(["web", "app"]),\n'
    ')',
    # rolling within each customer, in time order
    'df = df.sort("ts")\n'
    'df = df.with_columns(\n'
    '    rolling_amount=pl.col("amount").fill_null(0.0).rolling_mean(window_size=3).over("customer_id"),\n'
    '    prev_amount=pl.col("amount").shift(1).over("customer_id"),\n'
    ')',
    # a join with the other frame
    'df = df.join(customers, on="customer_id", how="left")',
    # after the join
    'def per(column, by):\n'
    '    return (pl.col(column) / pl.col(by)).alias(f"{column}_per_{by}")\n'
    '\n'
    'df = df.with_columns(per("amount", "tier"), channel_code=pl.col("channel").str.to_uppercase())',
]


def write_data(folder: Path) -> None:
    customers = pl.DataFrame(
        {
            "customer_id": ["c1", "c2", "c3", "c4"],
            "tier": [1, 2, 3, 2],
            "region": ["north", "south", None, "east"],
            "signup": ["2021-03-04", "2022-11-30", "2020-01-01", "2023-07-15"],
        }
    )
    customers.write_csv(folder / "customers.csv")
    start = datetime(2024, 1, 30, 22, 15)
    n = 40
    tx = pl.DataFrame(
        {
            "id": list(range(1, n + 1)),
            "customer_id": [f"c{(i * 7) % 5 + 1}" for i in range(n)],  # c5 has no customer row
            "ts": [(start + timedelta(hours=5 * i + (i * 13) % 7)).strftime("%Y-%m-%d %H:%M:%S") for i in range(n)],
            "amount": [None if i % 9 == 4 else round(3.5 + (i * 37) % 97 * 1.25, 2) for i in range(n)],
            "channel": ["web", "store", "app", "web"] * 10,
        }
    )
    tx.write_csv(folder / "tx.csv")


@pytest.fixture(scope="module")
def exported(tmp_path_factory, kernelspec):
    folder = tmp_path_factory.mktemp("export")
    write_data(folder)
    kernel = Kernel(folder)
    try:
        kernel.ok("%fe config max_versions=3")
        kernel.ok("%fe load customers.csv")
        for code in CUSTOMERS_STEPS:
            kernel.ok(f"%%fe apply customers\n{code}")
        kernel.ok("%fe load tx.csv")
        for code in TX_STEPS[:3]:
            kernel.ok(f"%%fe apply tx\n{code}")
        # A step that is undone must not be in the script.
        kernel.ok('%%fe apply tx\ndf = df.with_columns(undone_step=pl.lit(1))')
        kernel.ok("%fe undo tx")
        for code in TX_STEPS[3:]:
            kernel.ok(f"%%fe apply tx\n{code}")
        # Later changes to `customers` must not change what the join read.
        kernel.ok('%%fe apply customers\ndf = df.with_columns(tier=pl.col("tier") * 100)')
        kernel.ok("%fe save tx expected.parquet")
        run = kernel.ok("%fe export tx out/pipeline.py")
        history = kernel.ok("%fe history tx").text()
        yield kernel, folder, run, history
    finally:
        kernel.close()


def run_script(script: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(script), *args], capture_output=True, text=True, timeout=300, check=False
    )


def test_the_script_rebuilds_the_kernels_frame(exported):
    kernel, folder, run, history = exported
    script = folder / "out" / "pipeline.py"
    assert "exported `tx`" in run.text() and "it also rebuilds `customers` version 2" in run.text(), run.text()
    result = run_script(script, str(folder / "rebuilt.parquet"))
    assert result.returncode == 0, result.stderr
    expected = pl.read_parquet(folder / "expected.parquet")
    rebuilt = pl.read_parquet(folder / "rebuilt.parquet")
    assert f"tx: {expected.height} rows x {expected.width} columns" in result.stdout
    assert_frame_equal(expected, rebuilt, check_row_order=True, check_dtypes=True, rel_tol=REL_TOL, abs_tol=0.0)
    print(f"\nexport round trip: {expected.height} rows x {expected.width} columns equal "
          f"(dtypes, row order, floats to {REL_TOL} relative); columns: {expected.columns}")
    # The join used customers as they were (tier 1..3), not as changed later (tier * 100).
    assert rebuilt["tier"].drop_nulls().max() <= 3


def test_every_step_is_in_the_script_although_versions_were_pruned(exported):
    _kernel, folder, _run, history = exported
    text = (folder / "out" / "pipeline.py").read_text()
    kept = re.findall(r"^[* ] v(\d+)", history, re.M)
    assert len(kept) == 3, history
    # tx: load + 6 applies, customers: load + 1 apply; the undone step is gone.
    assert len(re.findall(r"^# version \d+: applied ", text, re.M)) == 7
    assert len(re.findall(r"^# version \d+: loaded ", text, re.M)) == 2
    assert "undone_step" not in text
    assert text.index("# ---- `customers` as of version 2, read by a later step ----") < text.index("# ---- `tx` as of version")
    assert "customers = fekernel_frames[\"customers\", 2]\ndf = df.join(customers" in text
    assert re.search(r"# version \d+: applied \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC, typed in the notebook", text)
    assert re.search(r'pl\.read_csv\(".*/tx\.csv", try_parse_dates=True, infer_schema_length=10000\)', text)
    for code in TX_STEPS:
        assert code in text


def test_lineage_survives_a_worker_restart(exported):
    kernel, folder, _run, _history = exported
    kernel.kill_worker()
    # The next command either finds the worker dead while idle or runs into its death
    # (WorkerCrashed, not run again); either way a new worker restores from the manifest.
    first = kernel.run("%fe frames")
    assert first.status == "ok" or first.reply["content"]["ename"] == "WorkerCrashed", first.reply["content"]
    kernel.ok("%fe export tx out/after_restart.py")
    strip = lambda text: re.sub(r"^# Rebuilds.*\n.*\n", "", text, flags=re.M)  # noqa: E731 - header has the time
    before = strip((folder / "out" / "pipeline.py").read_text())
    after = strip((folder / "out" / "after_restart.py").read_text())
    assert before == after


def test_paths_that_are_not_python_files_are_usage_errors(exported):
    kernel, folder, _run, _history = exported
    run = kernel.fails("%fe export tx pipeline.txt", "UsageError")
    assert "does not end in `.py`" in run.reply["content"]["evalue"]
    kernel.fails("%fe export nope p.py", "UsageError")
    kernel.fails("%fe export tx out", "UsageError")
    assert not (folder / "pipeline.txt").exists() and not (folder / "p.py").exists()
    assert not [p for p in folder.rglob("*.tmp")]


def test_the_script_refuses_an_unknown_output_type(exported):
    _kernel, folder, _run, _history = exported
    result = run_script(folder / "out" / "pipeline.py", str(folder / "rebuilt.xlsx"))
    assert result.returncode != 0 and "use a .parquet, .csv or .arrow file name" in result.stderr
    assert os.path.exists(folder / "out" / "pipeline.py")

