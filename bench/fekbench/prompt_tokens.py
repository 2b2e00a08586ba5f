# Benchmark 6: tokens of the prompt (system + user message) that `%fe prompt NAME` shows for
# frames of 10, 100 and 1,000 columns, counted here with the o200k_base and cl100k_base
# vocabularies, beside the count the kernel itself reports. Nothing is estimated.

from __future__ import annotations

from pathlib import Path

import re

import numpy as np
import polars as pl

from .kernels import FEKERNEL, BenchKernel

WIDTHS = [10, 100, 1000]
ROWS = 1000
ENCODINGS = ["o200k_base", "cl100k_base"]


def wide_frame(columns: int, rows: int = ROWS, seed: int = 3) -> pl.DataFrame:
    """Mixed dtypes in turn: integer, float, string, timestamp, boolean."""
    rng = np.random.default_rng(seed)
    data = {}
    for i in range(columns):
        kind = i % 5
        if kind == 0:
            data[f"count_{i}"] = rng.integers(0, 1000, rows)
        elif kind == 1:
            data[f"ratio_{i}"] = rng.normal(0, 1, rows)
        elif kind == 2:
            data[f"label_{i}"] = np.array(["alpha", "beta", "gamma", "delta"])[rng.integers(0, 4, rows)]
        elif kind == 3:
            data[f"seen_at_{i}"] = pl.Series(rng.integers(1.7e15, 1.8e15, rows)).cast(pl.Datetime("us"))
        else:
            data[f"is_flag_{i}"] = rng.random(rows) < 0.3
    return pl.DataFrame(data)


def _is_not_available(run) -> bool:
    content = run.reply["content"]
    return run.status == "error" and content.get("ename") == "UsageError" and "not available" in content.get("evalue", "")


def _messages(text: str) -> tuple[str, str, int]:
    """The system and user messages of `%fe prompt`'s text output, and the total it reports."""
    reported = re.search(r": (\d[\d,]*) tokens \(system", text)
    if reported is None or "\n--- system ---\n" not in text or "\n--- user ---\n" not in text:
        raise RuntimeError(f"unexpected %fe prompt output:\n{text[:500]}")
    body = text.split("\n--- system ---\n", 1)[1]
    system, user = body.split("\n--- user ---\n", 1)
    return system, user, int(reported.group(1).replace(",", ""))


def _count(text: str) -> dict:
    import bpe_openai

    return {name: len(bpe_openai.get_encoding(name).encode(text)) for name in ENCODINGS}


def run(workdir: Path) -> dict:
    fe = BenchKernel(FEKERNEL, workdir)
    try:
        names = []
        for width in WIDTHS:
            path = workdir / f"wide_{width}.parquet"
            wide_frame(width).write_parquet(path)
            fe.timed(f"%fe load {path} as wide_{width}")
            names.append((width, f"wide_{width}"))
        frames = []
        for width, name in names:
            run = fe.run(f"%fe prompt {name}")
            if _is_not_available(run):
                return {"available": False, "reason": run.reply["content"]["evalue"], "widths": WIDTHS}
            if run.status != "ok":
                raise RuntimeError(f"%fe prompt {name} failed: {run.reply['content']}")
            system, user, reported = _messages(run.text())
            frames.append({
                "columns": width,
                "rows": ROWS,
                "characters": len(system) + len(user),
                "tokens": _count(system + user),
                "kernel_reported_tokens": reported,
            })
        return {"available": True, "encodings": ENCODINGS, "frames": frames}
    finally:
        fe.close()
