# `%%fe search` through the real kernel (jupyter_client) against a scripted OpenAI-compatible
# server on 127.0.0.1: rounds that return refused code, code that fails on the folds, a feature
# read from the target, a feature with no gain and a useful one — each decided as documented —
# the live table, the summary, the history record and the inserted apply cell; then the
# offline builtin provider (deterministic with a seed), usage errors and an interrupt.

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import polars as pl
import pytest

from fake_llm import Answer, FakeLLM, Stall
from kernel_session import Kernel


def block(code: str) -> str:
    return f"Here is the round's feature.\n\n```python\nimport polars as pl\n\n{code}\n```\n"


REFUSED = block('df = df.with_columns(pl.col("a").map_elements(lambda v: v * 2).alias("a_twice"))')
DROPS_ROWS = block('df = df.filter(pl.col("a") > 0.5).with_columns((pl.col("a") * 2).alias("a_twice"))')
LEAKS = block('df = df.with_columns((pl.col("y") == "same").cast(pl.Int8).alias("y_flag"))')
NO_GAIN = block('df = df.with_columns((pl.col("c") * 3.7).sin().alias("c_wave"))')
USEFUL = block('df = df.with_columns(((pl.col("a") - 0.5) * (pl.col("b") - 0.5)).alias("ab"))')


def write_data(folder: Path) -> None:
    # `y` is whether (a − ½) and (b − ½) have the same sign: no linear model on `a` and `b`
    # predicts it, their product does. `c` is noise.
    rng = random.Random(11)
    n = 400
    a = [rng.random() for _ in range(n)]
    b = [rng.random() for _ in range(n)]
    c = [rng.random() for _ in range(n)]
    y = ["same" if (x - 0.5) * (z - 0.5) > 0 else "apart" for x, z in zip(a, b)]
    pl.DataFrame({"a": a, "b": b, "c": c, "y": y}).write_parquet(folder / "t.parquet")
    rows = 300
    x = [rng.random() * 10 + 1 for _ in range(rows)]
    w = [rng.random() * 5 + 1 for _ in range(rows)]
    pl.DataFrame({"price": x, "quantity": w, "total": [p * q + rng.random() for p, q in zip(x, w)]}).write_parquet(folder / "sales.parquet")


@pytest.fixture(scope="module")
def fake():
    server = FakeLLM()
    yield server
    server.close()


@pytest.fixture(scope="module")
def kernel(tmp_path_factory, kernelspec, fake):
    folder = tmp_path_factory.mktemp("search")
    write_data(folder)
    log = open(folder / "kernel.log", "w")
    env = {
        "FEKERNEL_PROVIDER": "openai",
        "FEKERNEL_BASE_URL": f"{fake.url}/v1",
        "FEKERNEL_CACHE": "off",
        "FEKERNEL_RATE_LIMIT": "0",
        "FEKERNEL_LLM_CACHE_DIR": str(folder / "llm-cache"),
        "OPENAI_API_KEY": "sk-fekernel-search-test",
    }
    k = Kernel(folder, env=env, stderr=log)
    k.ok("%fe load t.parquet as t")
    k.ok("%fe load sales.parquet as sales")
    yield k
    k.close()
    log.close()


@pytest.fixture(autouse=True)
def fresh_script(fake, kernel):
    fake.reset()
    kernel.ok(f"%fe config provider=openai base_url={fake.url}/v1 cache=off max_repairs=1 retries=0 llm_timeout=30s samples=0")
    yield


def table_updates(run) -> list[str]:
    first = run.outputs[0]
    assert first["msg_type"] == "display_data", first
    display_id = first["content"]["transient"]["display_id"]
    updates = [o for o in run.outputs if o["msg_type"] == "update_display_data"]
    assert updates and all(u["content"]["transient"]["display_id"] == display_id for u in updates)
    for u in updates:
        assert "text/plain" in u["content"]["data"] and "text/html" in u["content"]["data"]
    return [u["content"]["data"]["text/plain"] for u in updates]


def row_of(table: str, round_number: int) -> str:
    [row] = [line for line in table.splitlines() if re.match(rf"^{round_number}\s", line)]
    return row


def test_each_kind_of_round_is_decided_as_documented_and_the_kept_one_is_inserted(kernel, fake):
    fake.push(
        Answer(REFUSED), Answer(REFUSED),  # round 1: refused, also after its repair
        Answer(DROPS_ROWS), Answer(DROPS_ROWS),  # round 2: fails on the folds, also after its repair
        Answer(LEAKS),  # round 3: reads the target
        Answer(NO_GAIN),  # round 4: noise
        Answer(USEFUL),  # round 5: the product
    )
    before = kernel.version("t")
    run = kernel.ok("%%fe search t --target y --rounds 5 --seed 3\npoints in the unit square; predict whether a and b fall on the same side of one half")
    tables = table_updates(run)
    final = tables[-1]
    assert final.startswith("Search of `t` → `y` with openai · gpt-4o-mini: 5 rounds, 1 kept (5 rounds)"), final
    assert "refused" in row_of(final, 1) and "refused by the checker after 1 repair" in row_of(final, 1)
    assert "map_elements" in row_of(final, 1)
    assert " error " in row_of(final, 2) and "changed the number of rows" in row_of(final, 2), row_of(final, 2)
    assert "leakage" in row_of(final, 3) and "target leakage: the code reads the target `y`" in row_of(final, 3)
    assert "no gain" in row_of(final, 4) and "within fold noise" in row_of(final, 4), row_of(final, 4)
    kept = row_of(final, 5)
    assert "`ab`" in kept and " kept " in kept and "corrected t" in kept, kept
    assert re.search(r"\+0\.\d{4} ± 0\.\d{4}", kept), kept
    # Tokens as the server reported them (321 in, 45 out per answer; round 1 took two answers).
    assert re.search(r"\b732\b", row_of(final, 1)) and re.search(r"\b366\b", kept), final
    # The table grew while the search ran: a row per finished round, and the step running.
    assert any("… round 3: asking openai" in t for t in tables), tables
    assert any("checking the code and cross-validating it on 5 folds" in t for t in tables)
    row_counts = [sum(1 for line in t.splitlines() if re.match(r"^\d\s", line)) for t in tables]
    assert row_counts == sorted(row_counts) and set(range(6)) <= set(row_counts), row_counts

    summary = run.text()
    assert re.search(r"ROC AUC of the logistic regression .* on `y` over 5 folds \(400 rows, seed 3\): baseline 0\.[0-6]\d{3} ± 0\.\d{4} → final 0\.9\d{3} ± 0\.\d{4}\.", summary), summary
    assert "Kept round 5: `ab` (gain +0." in summary
    assert "nothing was applied to `t` (still at version" in summary
    assert "1 refused, 1 error, 1 leakage, 1 no gain, 1 kept" in summary, summary

    # What the rounds were told: the repair of round 1, then the rejected rounds and why.
    assert len(fake.received) == 7
    repair = fake.received[1].body["messages"]
    assert [m["role"] for m in repair] == ["system", "user", "assistant", "user"]
    assert "refused" in repair[3]["content"] and "FE1" in repair[3]["content"]
    round5 = fake.received[6].body["messages"][1]["content"]
    assert "Round 5 of the search: propose new columns that help predict `y`" in round5, round5
    assert "- round 1 (refused):" in round5 and "- round 3 (leakage):" in round5 and "- round 4 (no gain): `c_wave`" in round5, round5
    assert "points in the unit square" in round5
    system = fake.received[0].body["messages"][0]["content"]
    assert "ONE small set of new columns" in system

    # Nothing applied; the inserted cell is the approval.
    assert kernel.version("t") == before
    [payload] = run.payload
    assert payload["source"] == "set_next_input" and payload["replace"] is False
    lines = payload["text"].splitlines()
    assert lines[0] == "%%fe apply t"
    assert re.match(r"# fekernel suggestion: provider=openai model=gpt-4o-mini prompt=[0-9a-f]{12} code=[0-9a-f]{12} at=", lines[1]), lines[1]
    assert lines[2].startswith("# search round 5: ROC AUC gain +0.")
    assert "c_wave" not in payload["text"] and "y_flag" not in payload["text"]

    history = kernel.ok("%fe history t").text()
    assert re.search(r"search at .* on version \d+ by openai gpt-4o-mini \(seed 3, 5 folds, target `y`\): 5 rounds, 1 kept; auc 0\.\d{4} ± 0\.\d{4} → 0\.9\d{3}", history), history
    for decision in ["refused", "error", "leakage", "no gain", "kept"]:
        assert re.search(rf"round \d \(prompt [0-9a-f]{{12}}\): {decision} — ", history), (decision, history)

    applied = kernel.ok(payload["text"])
    assert "recorded as suggested by openai gpt-4o-mini" in applied.text()
    assert kernel.version("t") == before + 1
    columns = kernel.ok("%fe schema t").text()
    assert "ab" in columns and "c_wave" not in columns
    kernel.ok("%fe undo t")


def test_the_builtin_provider_searches_offline_and_the_same_seed_gives_the_same_search(kernel, fake):
    kernel.ok("%fe config provider=builtin")
    cell = "%%fe search sales --target total --rounds 4 --seed 5\nrows of an order book"
    first = kernel.ok(cell)
    second = kernel.ok(cell)
    assert fake.received == [], "the builtin provider sends nothing"
    tables = [table_updates(run)[-1] for run in (first, second)]
    strip = lambda table: re.sub(r"\s+\d+\.\d\s{2}", " ", table)  # seconds differ between runs
    assert strip(tables[0]) == strip(tables[1]), tables
    assert "with builtin · builtin-rules-1" in tables[0]
    assert "R² of the ridge regression" in first.text()
    # price × quantity is the total: the builtin's interaction is kept.
    assert first.payload and "price_x_quantity" in first.payload[0]["text"], tables[0]
    body = lambda run: run.payload[0]["text"].split("\n", 2)[2]
    assert body(first) == body(second)


def test_options_and_targets_that_do_not_fit_are_usage_errors(kernel, fake):
    kernel.fails("%%fe search t\ngoal", "UsageError")
    run = kernel.fails("%%fe search t --target why\ngoal", "UsageError")
    assert "`t` has no column `why` to use as --target" in run.error["evalue"]
    run = kernel.fails("%%fe search t --target y --folds 40\ngoal", "UsageError")
    assert "from 2 to 20" in run.error["evalue"]
    fake.push(Answer(USEFUL))
    run = kernel.fails("%%fe search t --target y --metric rmse\ngoal", "UsageError")
    assert "--metric rmse is for numeric targets, but `y` is a class target" in run.error["evalue"], run.error["evalue"]
    assert "unchanged" in run.error["evalue"]


def test_an_interrupt_stops_the_search_and_keeps_what_was_decided(kernel, fake):
    kernel.ok("%fe config llm_timeout=60s")
    fake.push(Answer(USEFUL), Stall(30))
    before = kernel.version("t")
    msg_id = kernel.kc.execute("%%fe search t --target y --rounds 3\nunit square")
    deadline = time.time() + 60
    while len(fake.received) < 2 and time.time() < deadline:
        time.sleep(0.2)
    time.sleep(0.5)
    kernel.km.interrupt_kernel()
    run = kernel.collect(msg_id, timeout=30)
    assert run.reply["content"]["status"] == "ok", run.reply["content"]
    final = table_updates(run)[-1]
    assert "2 rounds, 1 kept (interrupted" in final, final
    assert "stopped" in row_of(final, 2)
    [payload] = run.payload
    assert "# search round 1:" in payload["text"] and "ab" in payload["text"]
    assert kernel.version("t") == before
