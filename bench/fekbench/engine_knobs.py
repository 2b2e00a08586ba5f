# What each speed knob buys: the 10-feature pipeline in-process (bench_engine) in the product's
# build and with one knob changed at a time, each paired with Python Polars (lazy) in the same run.

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import polars as pl

from . import pipeline_code, pipeline_data, stats

# (key, what changes from the product build, binary name in the bench-bin examples folder, flags,
# environment).
# A variant whose binary was not built (bench/setup.sh and bench/build-variants build them, the
# latter into FEKBENCH_VARIANTS_DIR) is reported as skipped.
VARIANTS = [
    ("product", "the product's build and options", "bench_engine", [], {}),
    ("no_cse", "without common sub-expression elimination (on in the product, as in Python Polars by default)", "bench_engine", ["--no-cse"], {}),
    ("streaming", "the streaming engine of Rust Polars 0.55 instead of its in-memory engine", "bench_engine", ["--streaming"], {}),
    ("purge_1s", "mimalloc returning freed memory to the OS after its default 1 s, not the product's 10 s (`MIMALLOC_PURGE_DELAY=1000`)", "bench_engine", [], {"MIMALLOC_PURGE_DELAY": "1000"}),
    ("jemalloc", "jemalloc as the global allocator (Python Polars' on Linux)", "bench_engine-jemalloc", [], {}),
    ("system_allocator", "the system allocator, glibc malloc (the product's before mimalloc)", "bench_engine-system-allocator", [], {}),
    ("baseline_cpu", "built for baseline x86-64 (no AVX2/FMA/BMI: what the build had before)", "bench_engine-baseline-cpu", [], {}),
    ("dist_release", "Polars' wheel profile: fat LTO and one codegen unit (`dist-release`)", "bench_engine-dist-release", [], {}),
]


def _python_lazy(tx: pl.DataFrame, customers: pl.DataFrame, engine: str = "auto") -> float:
    started = time.perf_counter()
    pipeline_code.run_polars(tx, customers, lazy=True, engine=engine)
    return time.perf_counter() - started


def _engine(binary: Path, flags: list[str], env: dict[str, str], code_file: Path, tx_path: Path, cust_path: Path) -> float:
    out = subprocess.run(
        [str(binary), str(code_file), "tx", f"tx={tx_path}", f"customers={cust_path}", "--repeats", "1", *flags],
        capture_output=True, text=True, check=True, env={**os.environ, **env},
    ).stdout
    return json.loads(out.strip().splitlines()[-1])["run_seconds"][0]


def _binary(examples: Path, name: str) -> Path | None:
    variants = os.environ.get("FEKBENCH_VARIANTS_DIR")
    for folder in [examples, *([Path(variants)] if variants else [])]:
        if (folder / name).is_file():
            return folder / name
    return None


def run(workdir: Path, data_dir: Path, sizes: list[tuple[int, int]], examples: Path) -> dict:
    code_file = workdir / "knobs_features.py"
    code_file.write_text(pipeline_code.FEATURES)
    result: dict = {"variants": {key: {"what": what, "binary": binary, "flags": flags, "environment": env}
                                 for key, what, binary, flags, env in VARIANTS}}
    for rows, repeats in sizes:
        tx_path, cust_path = pipeline_data.ensure(data_dir, rows)
        tx, customers = pl.read_parquet(tx_path), pl.read_parquet(cust_path)
        available = [(key, path, flags, env) for key, _, binary, flags, env in VARIANTS
                     if (path := _binary(examples, binary)) is not None]
        times: dict[str, list[float]] = {key: [] for key, _, _, _ in available}
        python: list[float] = []
        # Python Polars 2.1's `collect()` runs its streaming engine (newer than Rust Polars 0.55's,
        # the newest on crates.io); its in-memory engine is the one fe-lang's plans run on.
        python_in_memory: list[float] = []
        for _ in range(repeats):
            for key, binary, flags, env in available:
                times[key].append(_engine(binary, flags, env, code_file, tx_path, cust_path))
            python.append(_python_lazy(tx, customers))
            python_in_memory.append(_python_lazy(tx, customers, engine="in-memory"))
        size = {}
        for key, _, _, _, _ in VARIANTS:
            if key not in times:
                size[key] = {"skipped": "not built"}
                continue
            size[key] = {
                "seconds": stats.summary(times[key]),
                "ratio_vs_polars_lazy": stats.paired_ratio(times[key], python),
                "ratio_vs_product": stats.paired_ratio(times[key], times["product"]),
            }
        size["polars_lazy_seconds"] = stats.summary(python)
        size["python_in_memory"] = {
            "seconds": stats.summary(python_in_memory),
            "ratio_vs_polars_lazy": stats.paired_ratio(python_in_memory, python),
            "ratio_vs_product": stats.paired_ratio(python_in_memory, times["product"]),
        }
        result[str(rows)] = size
    return result
