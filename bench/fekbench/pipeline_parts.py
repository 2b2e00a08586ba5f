# Where the pipeline's engine gap comes from: parts of the feature code run alone, in-process,
# by the worker's engine (bench_engine: fe-lang + Rust Polars) and by Python Polars (lazy).

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import polars as pl

from . import pipeline_data, stats

JOIN = 'df = df.join(customers, on="customer_id", how="left")\n'
WINDOWS = '''df = df.with_columns(
    amount_vs_customer=pl.col("amount") / pl.col("amount").mean().over("customer_id"),
    amount_rank_in_customer=pl.col("amount").rank().over("customer_id"),
    amount_roll5=pl.col("amount").rolling_mean(5).over("customer_id"),
)
'''
ELEMENTWISE = '''df = df.with_columns(
    amount_per_item=pl.col("amount") / pl.col("qty"),
    log_amount=(pl.col("amount") + 1).log(),
    hour=pl.col("ts").dt.hour(),
    weekday=pl.col("ts").dt.weekday(),
    is_weekend=pl.when(pl.col("ts").dt.weekday() >= 6).then(1).otherwise(0),
)
'''
# fe-lang asks Rust Polars for the left frame's row order in a left join (deterministic rows);
# Python Polars 2.1 does not by default. The same request in Python, for comparison:
JOIN_ORDERED_PYTHON = 'df = df.join(customers, on="customer_id", how="left", maintain_order="left")\n'
PARTS = {"join": JOIN, "windows": WINDOWS, "elementwise": ELEMENTWISE}


def _python(code: str, tx: pl.DataFrame, customers: pl.DataFrame) -> float:
    scope = {"pl": pl, "df": tx.lazy(), "customers": customers.lazy()}
    started = time.perf_counter()
    exec(compile(code, "<part>", "exec"), scope)
    scope["df"].collect()
    return time.perf_counter() - started


def _engine(engine: Path, code_file: Path, tx_path: Path, cust_path: Path) -> float:
    out = subprocess.run([str(engine), str(code_file), "tx", f"tx={tx_path}", f"customers={cust_path}", "--repeats", "1"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])["run_seconds"][0]


def run(workdir: Path, data_dir: Path, rows: int, repeats: int, engine: Path) -> dict:
    tx_path, cust_path = pipeline_data.ensure(data_dir, rows)
    tx, customers = pl.read_parquet(tx_path), pl.read_parquet(cust_path)
    result = {"rows": rows, "repeats": repeats, "parts": {}}
    for name, code in PARTS.items():
        code_file = workdir / f"part_{name}.py"
        code_file.write_text(code)
        ours, theirs, ordered = [], [], []
        for _ in range(repeats):
            ours.append(_engine(engine, code_file, tx_path, cust_path))
            theirs.append(_python(code, tx, customers))
            if name == "join":
                ordered.append(_python(JOIN_ORDERED_PYTHON, tx, customers))
        part = {
            "code": code,
            "engine_seconds": stats.summary(ours),
            "polars_lazy_seconds": stats.summary(theirs),
            "ratio": stats.paired_ratio(ours, theirs),
        }
        if ordered:
            part["polars_lazy_left_order_seconds"] = stats.summary(ordered)
            part["ratio_vs_left_order"] = stats.paired_ratio(ours, ordered)
        result["parts"][name] = part
    return result
