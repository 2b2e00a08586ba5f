# The offline builtin provider through the real kernel on several schemas (numbers, categories,
# dates, text, identifiers, nulls): its code passes the checker, adds the expected columns, never
# reads the target, and gives the same frame in real Python Polars as in the kernel.

from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from kernel_session import Kernel

N = 60


def frames() -> dict[str, pl.DataFrame]:
    start = datetime(2024, 1, 1, 8, 30)
    return {
        "numeric": pl.DataFrame(
            {
                "price": [1.0 + (i * 37 % 50) for i in range(N)],
                "quantity": [1 + i % 7 for i in range(N)],
                "income": [float(10 ** (i % 5)) for i in range(N)],
                "y": [i % 2 for i in range(N)],
            }
        ),
        "categorical": pl.DataFrame(
            {
                "colour": ["red", "green", "blue", "red", "grey"] * (N // 5),
                "size": ["S", "M", "L"] * (N // 3),
                "amount": [float(i % 13) for i in range(N)],
                "label": [i % 3 == 0 for i in range(N)],
            }
        ),
        "dated": pl.DataFrame(
            {
                "ts": [start + timedelta(hours=7 * i) for i in range(N)],
                "day": [date(2023, 12, 1) + timedelta(days=3 * i) for i in range(N)],
                "value": [float(i) for i in range(N)],
                "target": [i % 4 == 0 for i in range(N)],
            }
        ),
        "texts": pl.DataFrame(
            {
                "review": [f"review number {i} " + "good " * (i % 4) for i in range(N)],
                "stars": [1 + i % 5 for i in range(N)],
                "helpful": [i % 2 == 0 for i in range(N)],
            }
        ),
        "ids": pl.DataFrame(
            {
                "id": list(range(1, N + 1)),
                "customer_id": [i % 6 for i in range(N)],
                "amount": [float(i * 7 % 23) for i in range(N)],
                "spend_total": [float(i * 11 % 31) + 1 for i in range(N)],
                "churned": [i % 5 == 0 for i in range(N)],
            }
        ),
        "gaps": pl.DataFrame(
            {
                "x": [None if i % 4 == 0 else float(i) for i in range(N)],
                "s": [None if i % 3 == 0 else ["a", "b"][i % 2] for i in range(N)],
                "z": [float(i % 9) for i in range(N)],
                "outcome": [i % 2 for i in range(N)],
            }
        ),
    }


# (frame, target, request, columns that must appear)
CASES = [
    ("numeric", "y", "ratios and logs", ["price_per_quantity", "income_log1p"]),
    ("categorical", "label", "frequency encodings and group statistics", ["colour_freq", "amount_mean_per_colour"]),
    ("dated", "target", "date features", ["ts_weekday", "ts_hour", "ts_month_sin", "day_is_weekend", "day_year"]),
    ("texts", "helpful", "text length features", ["review_chars", "review_words"]),
    ("ids", "churned", "spending per customer", ["customer_id_rows", "amount_mean_per_customer_id", "spend_total_minus_mean_per_customer_id"]),
    ("gaps", "outcome", "missing value flags", ["x_missing", "s_missing"]),
    ("ids", "churned", "anything useful", ["customer_id_rows", "amount_per_spend_total", "amount_x_spend_total"]),
]


@pytest.fixture(scope="module")
def kernel(tmp_path_factory, kernelspec):
    folder = tmp_path_factory.mktemp("builtin")
    for name, df in frames().items():
        df.write_parquet(folder / f"{name}.parquet")
    # A fresh offline machine: no key, no server, no provider chosen.
    env = {name: None for name in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "FEKERNEL_PROVIDER", "FEKERNEL_BASE_URL", "FEKERNEL_MODEL")}
    env["FEKERNEL_LLM_CACHE_DIR"] = str(folder / "cache")
    k = Kernel(folder, env=env)
    k.folder = folder
    for name in frames():
        k.ok(f"%fe load {name}.parquet as {name}")
    yield k
    k.close()


def test_builtin_is_the_default_without_a_key(kernel):
    text = kernel.ok("%fe config").text()
    assert re.search(r"provider\s+auto → builtin", text), text
    assert "no base_url and neither OPENAI_API_KEY nor ANTHROPIC_API_KEY is set" in text


@pytest.mark.parametrize("frame,target,request_words,expected", CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_builtin_code_passes_the_checker_and_matches_python_polars(kernel, frame, target, request_words, expected):
    run = kernel.ok(f"%%fe suggest {frame} --target {target}\n{request_words}")
    review = [o for o in run.outputs if o["msg_type"] == "update_display_data"][-1]["content"]["data"]["text/markdown"]
    assert "builtin · builtin-rules-1 · no tokens (offline)" in review, review
    assert "leakage" not in review
    [payload] = run.payload
    cell = payload["text"]
    code = cell.split("\n", 2)[2]
    assert f'"{target}"' not in code, f"the builtin read the target:\n{code}"
    for column in expected:
        assert f'.alias("{column}")' in code, f"{column} missing from\n{code}"

    before = kernel.version(frame)
    kernel.ok(cell)
    out = kernel.folder / f"{frame}-{abs(hash(request_words))}.parquet"
    kernel.ok(f"%fe save {frame} {out}")
    kernel.ok(f"%fe undo {frame}")
    assert kernel.version(frame) == before

    # The same code in real Python Polars gives the same frame.
    scope = {"df": pl.read_parquet(kernel.folder / f"{frame}.parquet")}
    exec(compile(code, f"<builtin {frame}>", "exec"), scope)
    python = scope["df"]
    ours = pl.read_parquet(out)
    assert ours.columns == python.columns
    assert_frame_equal(ours, python, check_exact=False, rel_tol=1e-9, abs_tol=1e-12)
    for column in expected:
        assert ours[column].null_count() < ours.height, f"{column} is all null"


def test_cyclic_encodings_are_on_the_unit_circle(kernel):
    run = kernel.ok("%%fe suggest dated --target target\ndate features")
    kernel.ok(run.payload[0]["text"])
    out = kernel.folder / "dated-cyclic.parquet"
    kernel.ok(f"%fe save dated {out}")
    kernel.ok("%fe undo dated")
    df = pl.read_parquet(out)
    radius = (df["ts_hour_sin"] ** 2 + df["ts_hour_cos"] ** 2).to_list()
    assert all(math.isclose(r, 1.0, rel_tol=1e-12) for r in radius)


def test_a_request_that_cannot_be_met_says_so(kernel):
    run = kernel.ok("%%fe suggest numeric --target y\ndate features")
    review = [o for o in run.outputs if o["msg_type"] == "update_display_data"][-1]["content"]["data"]["text/markdown"]
    assert run.payload, "it falls back to the general proposals"
    plain = " ".join(o["content"]["data"]["text/plain"] for o in run.outputs if o["msg_type"] in ("display_data", "update_display_data"))
    assert "nothing for date parts: no date or datetime column" in plain, plain
    assert "price_per_quantity" in review


def test_a_target_adds_the_evaluation_on_the_sample_to_the_review(kernel):
    run = kernel.ok("%%fe suggest ids --target churned\nspending per customer")
    shown = [o["content"]["data"]["text/plain"] for o in run.outputs if o["msg_type"] == "display_data"]
    [table] = [t for t in shown if t.startswith("The suggested features against `churned` on the sample")]
    assert f"(the first {N} rows of `ids`; nothing committed)" in table, table
    ranked = {line.split()[1]: line.split() for line in table.splitlines() if line.split()[:1] and line.split()[0].isdigit()}
    assert "amount_mean_per_customer_id" in ranked, table
    assert "ROC AUC" in table and "verdict:" in table

    # The sample is the whole frame here: applying the code and evaluating gives the same numbers.
    before = kernel.version("ids")
    kernel.ok(run.payload[0]["text"])
    evaluated = kernel.ok("%fe evaluate ids --target churned").text()
    kernel.ok("%fe undo ids")
    assert kernel.version("ids") == before
    full = {line.split()[1]: line.split() for line in evaluated.splitlines() if line.split()[:1] and line.split()[0].isdigit()}
    for feature, words in ranked.items():
        assert full[feature][1:] == words[1:], (feature, words, full[feature])

    # Without a target there is nothing to evaluate against.
    run = kernel.ok("%%fe suggest ids\nspending per customer")
    assert not any("The suggested features against" in o["content"]["data"].get("text/plain", "") for o in run.outputs if o["msg_type"] == "display_data")
