# `%fe evaluate` through the real kernel: on real data (the penguins CSV that the palmerpenguins
# package ships), checked against statistics computed here independently; and on synthetic data
# with a planted signal that only the right engineered feature carries, among noise features.

from __future__ import annotations

import importlib.util
import math
import random
import re
from pathlib import Path

import polars as pl
import pytest

from kernel_session import Kernel

PENGUIN_FEATURES = """df = df.with_columns(
    bill_ratio=pl.col("bill_length_mm") / pl.col("bill_depth_mm"),
    bill_area=pl.col("bill_length_mm") * pl.col("bill_depth_mm"),
    mass_per_flipper=pl.col("body_mass_g") / pl.col("flipper_length_mm"),
    row_noise=(pl.int_range(pl.len()) * 7919 % 101).cast(pl.Float64),
)"""

PLANTED_FEATURES = """df = df.with_columns(
    interaction=(pl.col("a") - 0.5) * (pl.col("b") - 0.5),
    a_plus_b=pl.col("a") + pl.col("b"),
    n1_squared=pl.col("n1") ** 2,
    n1_times_n2=pl.col("n1") * pl.col("n2"),
)"""

# The CSV writes missing values as "NA", which Polars reads as text: make them nulls.
PENGUIN_CLEANING = """measures = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]
df = df.with_columns([pl.col(c).cast(pl.Float64, strict=False) for c in measures])
df = df.with_columns(sex=pl.col("sex").replace({"NA": None}))"""


def penguins_csv() -> Path:
    """The CSV inside the installed palmerpenguins package (found without importing it)."""
    spec = importlib.util.find_spec("palmerpenguins")
    assert spec is not None, "palmerpenguins is not installed (tests/python/requirements.txt)"
    path = Path(spec.submodule_search_locations[0]) / "data" / "penguins.csv"
    assert path.is_file(), path
    return path


def write_synthetic(folder: Path, n: int = 2000, seed: int = 7) -> None:
    """y depends on the sign of (a − ½)(b − ½), score on its value: neither a nor b alone, nor any
    linear model of them, says anything about it; the product of the centred columns does."""
    rng = random.Random(seed)
    rows = {"a": [], "b": [], "n1": [], "n2": [], "y": [], "score": []}
    for _ in range(n):
        a, b, n1, n2 = (rng.random() for _ in range(4))
        signal = (a - 0.5) * (b - 0.5)
        label = signal > 0
        if rng.random() < 0.05:  # label noise
            label = not label
        rows["a"].append(a)
        rows["b"].append(b)
        rows["n1"].append(n1)
        rows["n2"].append(n2)
        rows["y"].append("yes" if label else "no")
        rows["score"].append(10 * signal + rng.gauss(0, 0.3))
    frame = pl.DataFrame(rows)
    # One file per target, so neither target is a baseline column of the other.
    frame.drop("score").write_csv(folder / "planted.csv")
    frame.drop("y").write_csv(folder / "planted_numeric.csv")


@pytest.fixture(scope="module")
def kernel(tmp_path_factory, kernelspec):
    folder = tmp_path_factory.mktemp("evaluate")
    write_synthetic(folder)
    k = Kernel(folder)
    k.folder = folder
    k.ok(f"%fe load {penguins_csv()} as penguins")
    k.ok(f"%%fe apply penguins\n{PENGUIN_CLEANING}")
    k.ok(f"%%fe apply penguins\n{PENGUIN_FEATURES}")
    for name in ("planted", "planted_numeric"):
        k.ok(f"%fe load {name}.csv")
        k.ok(f"%%fe apply {name}\n{PLANTED_FEATURES}")
    yield k
    k.close()


def table_rows(text: str) -> dict[str, list[str]]:
    """The ranked table's rows by feature name (the words of each line)."""
    rows = {}
    for line in text.splitlines():
        words = line.split()
        if len(words) >= 7 and words[0].isdigit():
            rows[words[1]] = words
    return rows


def ranked_names(text: str) -> list[str]:
    return [w[1] for w in sorted(table_rows(text).values(), key=lambda w: int(w[0]))]


def mann_whitney_auc(scores: list[float], positive: list[bool]) -> float:
    """An independent AUC: average ranks from Polars, then the Mann–Whitney formula."""
    ranks = pl.Series(scores).rank("average").to_list()
    n_pos = sum(positive)
    n_neg = len(positive) - n_pos
    rank_sum = sum(r for r, p in zip(ranks, positive) if p)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def test_penguins_species(kernel):
    run = kernel.ok("%fe evaluate penguins --target species")
    text = run.text()
    print("\n" + text.split("\nhistogram of")[0])
    assert "classes: Adelie 152, Chinstrap 68, Gentoo 124" in text
    rows = table_rows(text)
    assert set(rows) == {"bill_ratio", "bill_area", "mass_per_flipper", "row_noise"}
    assert ranked_names(text)[0] == "bill_ratio" and ranked_names(text)[-1] == "row_noise"
    # Two penguins have no measurements: 342 rows used, 2 of 344 null.
    assert rows["bill_ratio"][3:5] == ["342", "0.6%"]

    # The kernel's AUC against one computed here from the same CSV.
    df = pl.read_csv(penguins_csv(), null_values="NA").with_columns(
        ratio=pl.col("bill_length_mm") / pl.col("bill_depth_mm")
    ).drop_nulls("ratio")
    aucs = []
    for species in ("Adelie", "Chinstrap", "Gentoo"):
        auc = mann_whitney_auc(df["ratio"].to_list(), (df["species"] == species).to_list())
        aucs.append(max(auc, 1 - auc))
    assert float(rows["bill_ratio"][6]) == pytest.approx(sum(aucs) / 3, abs=5e-4)

    # Baseline (the loaded columns) already separates the species: report that honestly.
    assert re.search(r"^ROC AUC \(one-vs-rest, macro\)\s+1\.0000 ± 0\.0000", text, re.M), text
    assert "verdict: the features do not help" in text or "verdict: no clear gain" in text

    charts = [o["content"]["data"] for o in run.outputs if "image/svg+xml" in o["content"].get("data", {})]
    assert len(charts) == 4
    assert all(c["image/svg+xml"].startswith("<svg") and "text/plain" in c for c in charts)
    assert "Chinstrap" in charts[0]["image/svg+xml"]
    assert "<table" in run.html()


def test_penguins_numeric_target_matches_polars_correlations(kernel):
    run = kernel.ok("%fe evaluate penguins --target body_mass_g --features bill_ratio,flipper_length_mm,island")
    rows = table_rows(run.text())
    df = pl.read_csv(penguins_csv(), null_values="NA").with_columns(
        ratio=pl.col("bill_length_mm") / pl.col("bill_depth_mm")
    )
    both = df.drop_nulls(["ratio", "body_mass_g"])
    spearman = both.select(pl.corr("ratio", "body_mass_g", method="spearman")).item()
    pearson = both.select(pl.corr("ratio", "body_mass_g")).item()
    assert float(rows["bill_ratio"][6]) == pytest.approx(spearman, abs=5e-4)
    assert float(rows["bill_ratio"][7]) == pytest.approx(pearson, abs=5e-4)
    # Strings get mutual information only.
    assert rows["island"][6:8] == ["—", "—"]
    assert "ridge regression" in run.text() and re.search(r"^R²\s", run.text(), re.M)


def test_a_planted_signal_ranks_first_and_noise_ranks_low(kernel):
    run = kernel.ok("%fe evaluate planted --target y")
    text = run.text()
    print("\n" + text.split("\nhistogram of")[0])
    assert ranked_names(text)[0] == "interaction"
    rows = table_rows(text)
    assert float(rows["interaction"][6]) > 0.9  # AUC
    assert float(rows["interaction"][7]) > 0.4  # MI, bits
    # a + b is not noise: y is "yes" at both ends of it. MI sees that, the AUC cannot.
    assert float(rows["a_plus_b"][6]) < 0.56 and float(rows["a_plus_b"][7]) > 0.02, rows["a_plus_b"]
    for noise in ("n1_squared", "n1_times_n2"):
        assert float(rows[noise][6]) < 0.56, (noise, rows[noise])
        assert float(rows[noise][7]) < 0.02, (noise, rows[noise])
    # A linear model of a, b, n1, n2 cannot see the signal; with the interaction it can.
    auc_line = re.search(r"^ROC AUC \(one-vs-rest, macro\)\s+([\d.]+) ± [\d.]+\s+([\d.]+) ± [\d.]+", text, re.M)
    assert auc_line, text
    baseline, with_features = float(auc_line.group(1)), float(auc_line.group(2))
    assert baseline < 0.6 and with_features > 0.9, (baseline, with_features)
    assert "verdict: the features help" in text
    assert "baseline: a, b, n1, n2" in text


def test_noise_features_alone_are_reported_as_not_helping(kernel):
    text = kernel.ok("%fe evaluate planted --target y --features n1_squared,n1_times_n2").text()
    assert "verdict: the features help" not in text
    assert "verdict: the features do not help" in text or "verdict: no clear gain" in text


def test_a_planted_signal_for_a_numeric_target(kernel):
    text = kernel.ok("%fe evaluate planted_numeric --target score").text()
    assert ranked_names(text)[0] == "interaction"
    rows = table_rows(text)
    assert float(rows["interaction"][6]) > 0.9  # Spearman
    assert abs(float(rows["n1_times_n2"][6])) < 0.1
    r2 = re.search(r"^R²\s+(-?[\d.]+) ± [\d.]+\s+(-?[\d.]+) ±", text, re.M)
    assert r2 and float(r2.group(1)) < 0.05 and float(r2.group(2)) > 0.8, text
    assert "verdict: the features help" in text


def test_misuse_is_a_usage_error_that_changes_nothing(kernel):
    version = kernel.version("planted")
    for cell, message in [
        ("%fe evaluate planted", "needs `--target COL`"),
        ("%fe evaluate planted --target nope", "has no column `nope`"),
        ("%fe evaluate planted --target y --features a,ghost", "has no column `ghost`"),
        ("%fe evaluate planted --target y --features y", "cannot also be a feature"),
        ("%fe evaluate nope --target y", "no frame named `nope`"),
    ]:
        run = kernel.fails(cell, "UsageError")
        assert message in run.reply["content"]["evalue"], (cell, run.reply["content"]["evalue"])
    kernel.ok("%fe load planted.csv as fresh")
    run = kernel.fails("%fe evaluate fresh --target y", "UsageError")
    assert "no columns were added to `fresh` since it was loaded" in run.reply["content"]["evalue"]
    assert kernel.version("planted") == version


def test_the_histogram_text_counts_every_row_used(kernel):
    run = kernel.ok("%fe evaluate planted --target y --features interaction")
    charts = [o["content"]["data"] for o in run.outputs if "image/svg+xml" in o["content"].get("data", {})]
    assert len(charts) == 1
    counts = re.findall(r"^\s+\[.*?[)\]]\s+(\d+) / (\d+)$", charts[0]["text/plain"], re.M)
    assert sum(int(a) + int(b) for a, b in counts) == 2000
    assert not math.isnan(float(table_rows(run.text())["interaction"][6]))


def test_many_features_draw_the_top_histograms_unless_named(kernel):
    kernel.ok("%fe load planted.csv as wide")
    columns = ", ".join(f'(pl.col("a") * {k}).alias("a_times_{k}")' for k in range(1, 11))
    kernel.ok(f"%%fe apply wide\ndf = df.with_columns({columns})")
    run = kernel.ok("%fe evaluate wide --target y")
    charts = [o for o in run.outputs if "image/svg+xml" in o["content"].get("data", {})]
    assert len(charts) == 8
    assert "histograms of the top 8 of 10 ranked features" in run.text()
    named = ",".join(f"a_times_{k}" for k in range(1, 11))
    run = kernel.ok(f"%fe evaluate wide --target y --features {named}")
    charts = [o for o in run.outputs if "image/svg+xml" in o["content"].get("data", {})]
    assert len(charts) == 10
    assert "histograms of the top" not in run.text()
