# `%%fe suggest` through the real kernel (jupyter_client) against a real HTTP server on 127.0.0.1
# speaking both wire formats: streaming, review, the inserted apply cell and its provenance,
# repairs, 429/Retry-After, 500s, timeouts, garbage, the cache, direct mode — and the API key in
# no output, log, history, prompt, cache file or worker environment.

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import polars as pl
import pytest

from fake_llm import Answer, FakeLLM, Garbage, Stall, Status
from kernel_session import Kernel

OPENAI_KEY = "sk-fekernel-test-OPENAI-7f3a9c1e5b2d"
ANTHROPIC_KEY = "sk-ant-fekernel-test-ANTHROPIC-4e8b2a6d"
SECRET_NOTE = "zebra-cobalt-7781"

GOOD = (
    "Two features:\n\n```python\nimport polars as pl\n\n"
    "df = df.with_columns(\n"
    "    pl.col(\"amount\").log1p().alias(\"amount_log1p\"),\n"
    "    (pl.col(\"amount\") / pl.col(\"amount\").mean().over(\"customer\")).alias(\"amount_vs_customer\"),\n"
    ")\n```\nThe log tames the long tail."
)
REFUSED = "```python\ndf = df.with_columns(pl.col(\"amount\").map_elements(lambda v: v * 2).alias(\"twice\"))\n```"
REPAIRED = "```python\ndf = df.with_columns((pl.col(\"amount\") * 2).alias(\"twice\"))\n```"

# Every output of every cell, for the secrets check at the end.
SEEN: list[str] = []


def write_data(folder: Path) -> None:
    n = 40
    pl.DataFrame(
        {
            "id": list(range(1, n + 1)),
            "customer": [f"c{i % 5}" for i in range(n)],
            "amount": [float(i * i % 97) + 0.5 for i in range(n)],
            "channel": ["web", "app", "shop", "web"] * (n // 4),
            "note": [f"{SECRET_NOTE}-{i}" for i in range(n)],
            "churned": [i % 3 == 0 for i in range(n)],
        }
    ).write_parquet(folder / "tx.parquet")


@pytest.fixture(scope="module")
def fake():
    server = FakeLLM()
    yield server
    server.close()


@pytest.fixture(scope="module")
def kernel(tmp_path_factory, kernelspec, fake):
    folder = tmp_path_factory.mktemp("suggest")
    write_data(folder)
    log = open(folder / "kernel.log", "w")
    env = {
        "FEKERNEL_PROVIDER": "openai",
        "FEKERNEL_BASE_URL": f"{fake.url}/v1",
        "FEKERNEL_CACHE": "off",
        "FEKERNEL_RATE_LIMIT": "0",
        "FEKERNEL_LLM_CACHE_DIR": str(folder / "llm-cache"),
        "FEKERNEL_LOG": "trace",
        "OPENAI_API_KEY": OPENAI_KEY,
        "ANTHROPIC_API_KEY": ANTHROPIC_KEY,
    }
    k = Kernel(folder, env=env, stderr=log)
    k.folder = folder
    k.log = folder / "kernel.log"
    original_run = k.run

    def recording_run(code, timeout=120):
        run = original_run(code, timeout)
        SEEN.append(json.dumps([o["content"] for o in run.outputs]) + json.dumps(run.reply["content"]))
        return run

    k.run = recording_run
    k.ok("%fe load tx.parquet as tx")
    yield k
    k.close()
    log.close()


@pytest.fixture(autouse=True)
def fresh_script(fake, kernel):
    fake.reset()
    kernel.ok("%fe config provider=openai " f"base_url={fake.url}/v1 mode=review cache=off max_repairs=2 retries=3 llm_timeout=30s samples=0 temperature=0.2 api_key_env=default")
    yield


def review_text(run) -> str:
    updates = [o for o in run.outputs if o["msg_type"] == "update_display_data"]
    assert updates, run.outputs
    return updates[-1]["content"]["data"]["text/markdown"]


def test_a_streamed_answer_is_reviewed_and_inserted_as_an_apply_cell(kernel, fake):
    fake.push(Answer(GOOD, chunks=6, gap=0.2))
    run = kernel.ok("%%fe suggest tx --target churned\nfeatures about spending per customer")

    first = run.outputs[0]
    assert first["msg_type"] == "display_data"
    display_id = first["content"]["transient"]["display_id"]
    updates = [o for o in run.outputs if o["msg_type"] == "update_display_data"]
    assert all(u["content"]["transient"]["display_id"] == display_id for u in updates)
    # The answer appears while it streams (several updates), then the review replaces it.
    streaming = [u for u in updates if "Asking openai" in u["content"]["data"]["text/plain"]]
    assert len(streaming) >= 3, [u["content"]["data"]["text/plain"][:60] for u in updates]

    review = review_text(run)
    assert "```python\nimport polars as pl" in review
    assert "| `amount_log1p` | Float64 | 0.0% |" in review, review
    assert "| `amount_vs_customer` | Float64 |" in review
    assert "openai · fake-model-1 · tokens in/out 321 / 45 · 1." in review, "six chunks 0.2 s apart"
    assert "cache miss" in review
    assert "Warnings**: none" in review, review
    plain = updates[-1]["content"]["data"]["text/plain"]
    assert "amount_log1p" in plain and "Provenance: openai" in plain

    [payload] = run.payload
    assert payload["source"] == "set_next_input" and payload["replace"] is False
    lines = payload["text"].splitlines()
    assert lines[0] == "%%fe apply tx"
    assert re.match(r"# fekernel suggestion: provider=openai model=fake-model-1 prompt=[0-9a-f]{12} code=[0-9a-f]{12} at=\d{4}-\d\d-\d\dT", lines[1]), lines[1]
    assert "pl.col(\"amount\").log1p()" in payload["text"]

    # What went over the wire: the key as a bearer token, statistics, never raw rows.
    [request] = fake.received
    assert request.path == "/v1/chat/completions"
    assert request.headers["authorization"] == f"Bearer {OPENAI_KEY}"
    body = request.body
    assert body["stream"] is True and body["model"] == "gpt-4o-mini" and body["temperature"] == pytest.approx(0.2)
    system, user = body["messages"]
    assert system["role"] == "system" and "`df` is the frame" in system["content"]
    assert "customer: String" in user["content"] and "churned: Boolean · TARGET" in user["content"]
    assert "Request: features about spending per customer" in user["content"]
    assert SECRET_NOTE not in json.dumps(body), "a free-text value was sent without samples=N"

    # Running the inserted cell is the approval; history records the provenance.
    before = kernel.version("tx")
    applied = kernel.ok(payload["text"])
    assert "recorded as suggested by openai fake-model-1" in applied.text()
    assert kernel.version("tx") == before + 1
    history = kernel.ok("%fe history tx").text()
    assert "suggested by openai fake-model-1, prompt" in history, history
    assert ", at 20" in history and "edited" not in history
    assert "# fekernel suggestion" not in history, "the marker is provenance, not code"
    kernel.ok("%fe undo tx")


def test_an_edited_apply_cell_is_recorded_as_edited(kernel, fake):
    fake.push(Answer(GOOD))
    run = kernel.ok("%%fe suggest tx\nlog of amount")
    text = run.payload[0]["text"].replace("amount_log1p", "amount_log")
    kernel.ok(text)
    history = kernel.ok("%fe history tx").text()
    assert re.search(r"suggested by openai fake-model-1, prompt [0-9a-f]{12}, at [^)]*, edited\)", history), history
    kernel.ok("%fe undo tx")


def test_refused_code_is_sent_back_and_repaired_over_the_anthropic_wire(kernel, fake):
    kernel.ok(f"%fe config provider=anthropic base_url={fake.url}")
    fake.push(Answer(REFUSED, model="claude-fake"), Answer(REPAIRED, model="claude-fake", usage=(400, 30)))
    run = kernel.ok("%%fe suggest tx\ndouble the amount")
    review = review_text(run)
    assert "anthropic · claude-fake · tokens in/out 721 / 75" in review, review
    assert "1 repair (" in review
    assert "| `twice` | Float64 |" in review
    first, second = fake.received
    assert first.path == "/v1/messages"
    assert first.headers["x-api-key"] == ANTHROPIC_KEY and first.headers["anthropic-version"] == "2023-06-01"
    assert first.body["system"].startswith("You write feature-engineering code")
    roles = [m["role"] for m in second.body["messages"]]
    assert roles == ["user", "assistant", "user"]
    repair = second.body["messages"][2]["content"]
    assert "refused" in repair and "FE1" in repair and "line 1" in repair, repair
    assert "(pl.col(\"amount\") * 2)" in run.payload[0]["text"]


def test_still_refused_after_the_repairs_is_an_llm_error_with_the_checker_messages(kernel, fake):
    kernel.ok("%fe config max_repairs=1")
    fake.push(Answer(REFUSED), Answer(REFUSED))
    before = kernel.version("tx")
    run = kernel.fails("%%fe suggest tx\ndouble the amount", "LLMError")
    evalue = run.error["evalue"]
    assert "still refused after 1 repair" in evalue and "frame `tx` is unchanged (still at version" in evalue, evalue
    assert any("FE1" in line for line in run.error["traceback"]), run.error["traceback"]
    assert len(fake.received) == 2 and run.payload == []
    assert kernel.version("tx") == before


def test_an_answer_without_code_is_an_llm_error(kernel, fake):
    kernel.ok("%fe config max_repairs=1")
    fake.push(Answer("I would rather talk about the weather."), Answer("Still no code, sorry."))
    run = kernel.fails("%%fe suggest tx\nanything", "LLMError")
    assert "holds no code after 2 requests" in run.error["evalue"]
    assert "Still no code" in run.error["evalue"] and "unchanged" in run.error["evalue"]


def test_a_429_with_retry_after_is_waited_out(kernel, fake):
    fake.push(Status(429, '{"error": {"message": "Rate limit reached for requests"}}', {"Retry-After": "2"}), Answer(GOOD))
    run = kernel.ok("%%fe suggest tx\nlogs")
    first, second = fake.received
    assert second.at - first.at >= 1.9, second.at - first.at
    notices = " ".join(o["content"]["data"]["text/plain"] for o in run.outputs if o["msg_type"] == "update_display_data")
    assert "HTTP 429 from openai" in notices and "Rate limit reached" in notices
    assert "as Retry-After asked" in notices, notices
    assert run.payload


def test_500s_are_retried_then_reported_with_status_and_message(kernel, fake):
    kernel.ok("%fe config retries=2")
    fake.push(*[Status(500, '{"error": {"message": "the model crashed"}}')] * 3)
    run = kernel.fails("%%fe suggest tx\nlogs", "LLMError")
    evalue = run.error["evalue"]
    assert "HTTP 500 from openai" in evalue and "after 3 attempts: the model crashed" in evalue, evalue
    assert "frame `tx` is unchanged" in evalue
    assert len(fake.received) == 3


def test_a_client_error_is_not_retried(kernel, fake):
    fake.push(Status(401, json.dumps({"error": {"message": f"Incorrect API key provided: {OPENAI_KEY[:12]}****2d"}})))
    run = kernel.fails("%%fe suggest tx\nlogs", "LLMError")
    assert "HTTP 401 from openai" in run.error["evalue"] and "[redacted]" in run.error["evalue"], run.error["evalue"]
    assert len(fake.received) == 1


def test_an_answer_slower_than_llm_timeout_says_which_timeout(kernel, fake):
    kernel.ok("%fe config llm_timeout=1s retries=0")
    fake.push(Stall(6))
    started = time.monotonic()
    run = kernel.fails("%%fe suggest tx\nlogs", "LLMError")
    assert time.monotonic() - started < 5
    assert "did not finish its answer within llm_timeout = 1 s per attempt" in run.error["evalue"], run.error["evalue"]
    assert "unchanged" in run.error["evalue"]


def test_garbage_is_an_llm_error_that_quotes_it(kernel, fake):
    fake.push(Garbage())
    run = kernel.fails("%%fe suggest tx\nlogs", "LLMError")
    assert "could not be read" in run.error["evalue"] and "502 upstream hiccup" in run.error["evalue"], run.error["evalue"]
    assert len(fake.received) == 1
    fake.reset()
    fake.push(Garbage("data: {this is not json\n\n", "text/event-stream"))
    run = kernel.fails("%%fe suggest tx\nlogs", "LLMError")
    assert "could not be read" in run.error["evalue"]


def test_a_whole_json_answer_from_a_server_that_does_not_stream_is_used(kernel, fake):
    fake.push(Answer(GOOD, stream=False))
    run = kernel.ok("%%fe suggest tx\nlogs")
    assert "amount_log1p" in review_text(run)


def test_the_cache_answers_a_second_run_without_a_request(kernel, fake):
    kernel.ok("%fe config cache=on temperature=0.3")
    fake.push(Answer(GOOD))
    kernel.ok("%%fe suggest tx\ncache me")
    again = kernel.ok("%%fe suggest tx\ncache me")
    assert len(fake.received) == 1
    assert "cache hit (nothing paid again)" in review_text(again)
    files = list((kernel.folder / "llm-cache").rglob("*.json"))
    assert len(files) == 1
    kernel.ok("%fe config cache=off")
    fake.push(Answer(GOOD))
    kernel.ok("%%fe suggest tx\ncache me")
    assert len(fake.received) == 2


def test_direct_mode_applies_at_once_and_says_so(kernel, fake):
    kernel.ok("%fe config mode=direct")
    fake.push(Answer(GOOD))
    before = kernel.version("tx")
    run = kernel.ok("%%fe suggest tx\nlogs")
    assert run.payload == []
    review = review_text(run)
    version = int(re.search(r"applied at once \(mode=direct\): now version (\d+)", review).group(1))
    assert version > before and kernel.version("tx") == version
    assert "suggested by openai fake-model-1" in kernel.ok("%fe history tx").text()
    kernel.ok("%fe undo tx")


def test_reading_the_target_is_flagged_as_leakage(kernel, fake):
    leaky = "```python\ndf = df.with_columns(pl.col(\"churned\").cast(pl.Int8).alias(\"label_copy\"))\n```"
    fake.push(Answer(leaky))
    review = review_text(kernel.ok("%%fe suggest tx --target churned\nanything"))
    assert "target leakage: the code reads the target `churned`" in review, review


def test_a_missing_key_names_the_variable_and_sends_nothing(kernel, fake):
    kernel.ok("%fe config base_url=https://api.openai.com/v1 api_key_env=FEKERNEL_TEST_KEY_THAT_IS_NOT_SET")
    run = kernel.fails("%%fe suggest tx\nlogs", "LLMError")
    evalue = run.error["evalue"]
    assert "set FEKERNEL_TEST_KEY_THAT_IS_NOT_SET" in evalue and "provider=builtin" in evalue and "works offline" in evalue, evalue
    assert "unchanged" in evalue
    assert fake.received == []
    kernel.ok("%fe config api_key_env=default")


def test_usage_errors_for_a_bad_target_or_provider(kernel, fake):
    run = kernel.fails("%%fe suggest tx --target churn\nlogs", "UsageError")
    assert "no column `churn`" in run.error["evalue"] and "Did you mean `churned`?" in run.error["evalue"]
    kernel.fails("%%fe suggest tx --provider gemini\nlogs", "UsageError")
    assert fake.received == []


def test_prompt_shows_what_would_be_sent_with_its_token_count(kernel, fake):
    run = kernel.ok("%fe prompt tx --target churned")
    text = run.text()
    assert re.search(r"Prompt for `tx` to openai · \S+: \d+ tokens \(system \d+ \+ user \d+\), counted with o200k_base", text), text
    assert "--- system ---" in text and "--- user ---" in text
    assert "churned: Boolean · TARGET" in text
    assert fake.received == []


def test_samples_send_raw_rows_only_when_asked(kernel, fake):
    kernel.ok("%fe config samples=3")
    fake.push(Answer(GOOD))
    kernel.ok("%%fe suggest tx\nlogs")
    user = fake.received[0].body["messages"][1]["content"]
    assert "The first 3 rows as CSV" in user and f"{SECRET_NOTE}-0" in user
    kernel.ok("%fe config samples=0")


def test_an_interrupt_stops_a_waiting_call(kernel, fake):
    kernel.ok("%fe config llm_timeout=60s retries=0")
    fake.push(Stall(20))
    msg_id = kernel.kc.execute("%%fe suggest tx\nlogs")
    time.sleep(1.5)
    kernel.km.interrupt_kernel()
    run = kernel.collect(msg_id, timeout=15)
    assert run.reply["content"]["ename"] == "Interrupted", run.reply["content"]
    assert "unchanged" in run.reply["content"]["evalue"]


def test_the_key_is_in_no_output_log_history_prompt_cache_or_worker_environment(kernel, fake):
    kernel.ok("%fe config cache=on")
    fake.push(Answer(GOOD))
    kernel.ok("%%fe suggest tx\nsecrets check")
    places = {"outputs": "\n".join(SEEN)}
    places["history"] = kernel.ok("%fe history tx").text()
    places["prompt"] = kernel.ok("%fe prompt tx").text()
    places["config"] = kernel.ok("%fe config").text()
    places["log"] = kernel.log.read_text()
    for path in (kernel.folder / "llm-cache").rglob("*"):
        if path.is_file():
            places[str(path)] = path.read_text()
    pid = kernel.worker_pid()
    places["worker environment"] = Path(f"/proc/{pid}/environ").read_bytes().decode("utf-8", "replace")
    assert len(places["log"]) > 1000, "the kernel logged at trace level"
    assert any("cache" in name for name in places), places.keys()
    for name, text in places.items():
        for key in (OPENAI_KEY, ANTHROPIC_KEY):
            assert key not in text, f"the key leaked into {name}"
            assert key[:20] not in text, f"part of the key leaked into {name}"
    assert "OPENAI_API_KEY" not in places["worker environment"]
