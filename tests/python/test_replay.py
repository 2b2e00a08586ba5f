# `%fe replay` through the real kernel, on data built so fitted and recomputed replays differ:
# a target encoding, a standardisation and a quantile threshold learned on training data. The
# fitted replay must use the training statistics (checked against Python Polars here) and must not
# read the new rows' labels; the recomputed one equals the same code run by Python Polars on them.

from __future__ import annotations

import random
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from kernel_session import Kernel

FEATURES = """df = df.with_columns(
    group_rate=pl.col("y").mean().over("k"),
    amount_z=(pl.col("amount") - pl.col("amount").mean()) / pl.col("amount").std(),
    big=(pl.col("amount") > pl.col("amount").quantile(0.9)).cast(pl.Int8),
    amount_log=pl.col("amount").log1p(),
)"""


def write_data(folder: Path) -> None:
    """Training rows where the group `k` predicts `y`; new rows (two copies that differ only in
    `y`, drawn at random) where it does not, with amounts on another scale."""
    rng = random.Random(11)
    rate = {f"g{i:02d}": rng.random() for i in range(40)}
    keys = sorted(rate)
    train = {"k": [], "amount": [], "y": []}
    for _ in range(2000):
        k = rng.choice(keys)
        train["k"].append(k)
        train["amount"].append(round(rng.lognormvariate(3, 1), 2))
        train["y"].append(int(rng.random() < rate[k]))
    pl.DataFrame(train).write_csv(folder / "train.csv")
    new_keys = [rng.choice(keys) for _ in range(300)] + ["unseen"] * 5
    new_amounts = [round(rng.lognormvariate(5, 1), 2) for _ in new_keys]
    for name in ("new_a", "new_b"):
        labels = [int(rng.random() < 0.5) for _ in new_keys]
        pl.DataFrame({"k": new_keys, "amount": new_amounts, "y": labels}).write_csv(folder / f"{name}.csv")


@pytest.fixture(scope="module")
def kernel(tmp_path_factory, kernelspec):
    folder = tmp_path_factory.mktemp("replay")
    write_data(folder)
    k = Kernel(folder)
    k.folder = folder
    k.ok("%fe load train.csv as tx")
    k.ok(f"%%fe apply tx\n{FEATURES}")
    yield k
    k.close()


def saved(kernel: Kernel, name: str) -> pl.DataFrame:
    path = kernel.folder / f"{name}.parquet"
    kernel.ok(f"%fe save {name} {path}")
    return pl.read_parquet(path)


def test_fitted_replay_applies_the_training_statistics(kernel):
    run = kernel.ok("%fe replay tx new_a.csv as fitted_a")
    text = run.text()
    assert "replayed `tx` (version 2: 1 step) on new_a.csv as `fitted_a`: 305 rows × 7 columns (version 1)" in text, text
    assert "fitted: every statistic" in text and "learned on `tx`" in text
    assert "<table" in run.html()

    train = pl.read_csv(kernel.folder / "train.csv")
    new = pl.read_csv(kernel.folder / "new_a.csv")
    rates = train.group_by("k").agg(group_rate=pl.col("y").mean())
    mean, std, q90 = train["amount"].mean(), train["amount"].std(), train["amount"].quantile(0.9)
    expected = new.join(rates, on="k", how="left", maintain_order="left").with_columns(
        amount_z=(pl.col("amount") - mean) / std,
        big=(pl.col("amount") > q90).cast(pl.Int8),
        amount_log=pl.col("amount").log1p(),
    )
    assert_frame_equal(saved(kernel, "fitted_a"), expected, check_exact=False, rel_tol=1e-9)
    # Groups the training data never saw get no rate (null), not one made from the new labels.
    assert saved(kernel, "fitted_a").filter(pl.col("k") == "unseen")["group_rate"].null_count() == 5


def test_fitted_replay_never_reads_the_new_labels(kernel):
    kernel.ok("%fe replay tx new_a.csv as fitted_a2")
    kernel.ok("%fe replay tx new_b.csv as fitted_b")
    features = ["group_rate", "amount_z", "big", "amount_log"]
    a, b = saved(kernel, "fitted_a2"), saved(kernel, "fitted_b")
    assert not a["y"].equals(b["y"]), "the two new files differ in their labels"
    assert_frame_equal(a.select(features), b.select(features))

    # The recomputed replay learns from the new rows, labels included: that is the leak.
    kernel.ok("%fe replay tx new_a.csv as recomputed_a --recompute")
    kernel.ok("%fe replay tx new_b.csv as recomputed_b --recompute")
    ra, rb = saved(kernel, "recomputed_a"), saved(kernel, "recomputed_b")
    assert not ra["group_rate"].equals(rb["group_rate"])
    python = eval_features(pl.read_csv(kernel.folder / "new_a.csv"))
    assert_frame_equal(ra, python, check_exact=False, rel_tol=1e-9)

    # Measured by the kernel's own evaluation: the recomputed encoding predicts the new labels
    # it was computed from; the fitted one does not.
    auc = {name: feature_auc(kernel, name) for name in ("fitted_a2", "recomputed_a")}
    assert auc["recomputed_a"] > 0.7 and auc["fitted_a2"] < 0.62, auc


def eval_features(df: pl.DataFrame) -> pl.DataFrame:
    """FEATURES, written out for Python Polars."""
    return df.with_columns(
        group_rate=pl.col("y").mean().over("k"),
        amount_z=(pl.col("amount") - pl.col("amount").mean()) / pl.col("amount").std(),
        big=(pl.col("amount") > pl.col("amount").quantile(0.9)).cast(pl.Int8),
        amount_log=pl.col("amount").log1p(),
    )


def feature_auc(kernel: Kernel, name: str) -> float:
    text = kernel.ok(f"%fe evaluate {name} --target y --features group_rate").text()
    row = next(line.split() for line in text.splitlines() if line.split()[1:2] == ["group_rate"])
    return float(row[6])


def test_history_says_where_a_replayed_frame_came_from(kernel):
    kernel.ok("%fe replay tx new_a.csv as audited")
    text = kernel.ok("%fe history audited").text()
    assert "replay of `tx` version 2 on" in text and "new_a.csv (fitted)" in text, text
    run = kernel.fails(f"%fe export audited {kernel.folder / 'audited.py'}", "UsageError")
    assert "export `tx` instead" in run.reply["content"]["evalue"]
    assert not (kernel.folder / "audited.py").exists()


def test_misuse_is_a_clear_error_that_changes_nothing(kernel):
    before = kernel.ok("%fe frames").text()
    (kernel.folder / "other.csv").write_text("k,amount\na,1.5\n")
    cases = [
        ("%fe replay tx other.csv as o", "UsageError", "`y` is missing"),
        ("%fe replay tx nowhere.csv as o", "UsageError", "nowhere.csv"),
        ("%fe replay ghost new_a.csv as o", "UsageError", "ghost"),
        ("%fe replay tx new_a.csv as tx", "UsageError", "a name other than `tx`"),
        ("%fe replay tx", "UsageError", "%fe replay NAME PATH [as NEW]"),
        ("%fe replay tx new_a.csv --leaky", "UsageError", "unknown option `--leaky`"),
    ]
    for cell, ename, message in cases:
        run = kernel.fails(cell, ename)
        assert message in run.reply["content"]["evalue"], (cell, run.reply["content"]["evalue"])
    assert kernel.ok("%fe frames").text() == before


def test_a_step_without_a_fitted_form_is_refused_with_a_way_out(kernel):
    kernel.ok("%fe load train.csv as ranked")
    kernel.ok('%%fe apply ranked\ndf = df.with_columns(r=pl.col("amount").rank())')
    run = kernel.fails("%fe replay ranked new_a.csv as r", "RejectedCode")
    message = run.reply["content"]["evalue"]
    assert "step 1 of `ranked`" in message and "`rank`" in message and "no frame `r` was created" in message, message
    traceback = "\n".join(run.reply["content"]["traceback"])
    assert "1 | df = df.with_columns(r=pl.col(\"amount\").rank())" in traceback, traceback
    assert "help: replay with --recompute" in traceback, traceback
    kernel.ok("%fe replay ranked new_a.csv as r --recompute")
