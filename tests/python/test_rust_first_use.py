# The first use of a dependency in Rust cells, through the real kernel: a cold build shows a live
# progress line (crates of how many, what compiles, time), and after `fekernel install
# --prebuild-rust` the first `%fe to-rust` compiles no Polars crate: evcxr's cache has them all.
#
# Runs before test_rust_frames.py (file order), whose hand-overs then find Polars built too.

from __future__ import annotations

import os
import re
import subprocess
import time
from datetime import date, datetime
from pathlib import Path

import polars as pl
import pytest

from kernel_session import Kernel

PREBUILD_TIMEOUT = 3600
# A small crate with a few dependencies of its own, none of them Polars: quick to compile cold.
SMALL_DEP = ':dep rand = { version = "=0.8.5", default-features = false, features = ["std", "std_rng"] }'
SMALL_CELL = SMALL_DEP + "\nuse rand::{Rng, SeedableRng};\nrand::rngs::StdRng::seed_from_u64(7).gen_range(0..10) < 10"

# "Building the cell's dependencies: 3 of 8 crates (0 from evcxr's build cache) · compiling rand_core · 4 s"
# (before cargo has said how many there are: "3 crates so far").
RUNNING = re.compile(
    r"^Building the cell's dependencies: (\d+) (?:of (\d+) crates?|crates? so far) \((\d+) from evcxr's build cache\)"
    r" · (.+) · (?:\d+ min )?\d+ s$"
)
SUMMARY = re.compile(r"Dependencies built: (\d+) crates? \((\d+) compiled, (\d+) from evcxr's build cache\)")


def progress_messages(run):
    """The build's display (first) and its updates, in the order the kernel sent them."""
    shown = [o for o in run.outputs if o["msg_type"] == "display_data" and "Building the cell's dependencies" in o["content"]["data"]["text/plain"]]
    assert len(shown) == 1, run.text()
    display_id = shown[0]["content"]["transient"]["display_id"]
    return [
        o for o in run.outputs
        if o["msg_type"] in ("display_data", "update_display_data")
        and o["content"].get("transient", {}).get("display_id") == display_id
    ]


def summary_of(run):
    texts = [m["content"]["data"]["text/plain"] for m in progress_messages(run)]
    match = SUMMARY.search(texts[-1])
    assert match, texts[-1]
    return [int(n) for n in match.groups()], texts


def test_a_cold_dependency_build_streams_its_progress_then_reuses_it(tmp_path, kernelspec):
    # An empty evcxr cache of its own, so these crates are compiled here, whatever ran before.
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    k = Kernel(tmp_path, env=env)
    try:
        run = k.ok(SMALL_CELL, timeout=1800)
        assert run.text().strip().endswith("true"), run.text()
        (crates, compiled, cached), texts = summary_of(run)
        assert crates >= 5 and compiled == crates and cached == 0, texts[-1]
        running = [RUNNING.match(t) for t in texts[:-1]]
        assert running and all(running), texts
        counts = [int(m.group(1)) for m in running]
        # Streamed while it builds: the line changes as crates start, and names what compiles.
        assert len(set(counts)) >= 2 and counts == sorted(counts), counts
        totals = {int(m.group(2)) for m in running if m.group(2)}
        assert totals == {crates}, texts
        assert any(re.match(r"compiling [^·]*\brand", m.group(4)) for m in running), texts
        # A cell that adds nothing builds no dependency and shows no line.
        plain = k.ok("let seven = 3 + 4;\nseven", timeout=600)
        assert "dependencies" not in plain.text(), plain.text()
    finally:
        k.close()

    # A fresh kernel with the same cache: every crate comes from evcxr's cache, none compiles.
    k = Kernel(tmp_path, env=env)
    try:
        run = k.ok(SMALL_CELL, timeout=1800)
        (again, compiled, cached), texts = summary_of(run)
        assert (again, compiled, cached) == (crates, 0, crates), texts[-1]
        assert not any(re.search(r"compiling [^·]*\brand", t) for t in texts), texts
    finally:
        k.close()


def evcxr_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "evcxr"


def polars_entries() -> dict[str, int]:
    """evcxr's cache entries for crates named polars*, with their hit counts."""
    entries = {}
    folder = evcxr_cache()
    for entry in folder.iterdir() if folder.exists() else []:
        meta, hits = entry / "meta", entry / "hits"
        if meta.exists() and hits.exists() and re.search(r"^--crate-name\n(polars\w*)\n", meta.read_text(), re.M):
            entries[entry.name] = int(hits.read_text())
    return entries


def fekernel_binary(kernelspec) -> str:
    return os.environ.get("FEKERNEL_BIN") or kernelspec["spec"]["argv"][0]


@pytest.fixture(scope="module")
def prebuilt(kernelspec, tmp_path_factory):
    """What `scripts/main-job` does: install with `--prebuild-rust` (minutes when cold)."""
    prefix = tmp_path_factory.mktemp("prefix")
    started = time.monotonic()
    done = subprocess.run(
        [fekernel_binary(kernelspec), "install", "--prefix", str(prefix), "--prebuild-rust"],
        capture_output=True, text=True, timeout=PREBUILD_TIMEOUT,
    )
    print(f"\nfekernel install --prebuild-rust: {time.monotonic() - started:.1f} s")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "The Rust cells' polars is in evcxr's build cache" in done.stdout, done.stdout
    assert "Dependencies built:" in done.stdout, done.stdout
    return done.stdout


def test_after_prebuild_the_first_hand_over_compiles_no_polars(prebuilt, tmp_path, kernelspec):
    before = polars_entries()
    assert len(before) >= 10, f"the prebuild left no Polars crates in {evcxr_cache()}: {prebuilt}"
    # Dtypes beyond the simplest: the one prebuilt feature set reads them all.
    pl.DataFrame(
        {"id": [1, 2], "at": [datetime(2024, 1, 1, 10), None], "day": [date(2024, 1, 1), date(2024, 1, 2)]}
    ).write_parquet(tmp_path / "tx.parquet")
    k = Kernel(tmp_path)
    try:
        k.ok("%fe load tx.parquet as tx")
        started = time.monotonic()
        run = k.ok("%fe to-rust tx", timeout=1800)
        print(f"\nfirst %fe to-rust after the prebuild: {time.monotonic() - started:.1f} s")
        assert "`tx` is frame `tx` version 1 (2 rows × 3 columns)" in run.text(), run.text()
        (crates, compiled, cached), texts = summary_of(run)
        # Only evcxr's own crate for the cell is compiled ("compiling the cell"); every
        # dependency comes from the cache.
        compiling = {name.strip() for t in texts for name in re.findall(r"compiling ([^·]*)·", t)}
        assert compiling <= {"the cell"}, compiling
        assert cached >= crates - 1 and compiled <= 1 and crates >= 100, texts[-1]
    finally:
        k.close()
    after = polars_entries()
    # No new entry (a miss adds one), and the entries were used (a hit counts in `hits`).
    assert set(after) == set(before), sorted(set(after) - set(before))
    used = [name for name in after if after[name] > before[name]]
    assert len(used) >= 10, (len(used), len(before))
