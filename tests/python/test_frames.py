# The frame commands through the real kernel (jupyter_client): load, frames, show, schema, apply,
# undo, history, save, status, config; bad input; and the worker's faults — memory and cross-join
# bombs, timeouts, interrupts and SIGKILL in the middle of applies — after which every frame is
# at its last committed version and no temporary file is left.

from __future__ import annotations

import os
import re
import signal
import threading
import time
from pathlib import Path

import polars as pl
import pytest

from kernel_session import Kernel


def write_data(folder: Path) -> None:
    tx = pl.DataFrame(
        {
            "id": list(range(1, 13)),
            "customer": ["c1", "c2", "c3", None] * 3,
            "amount": [10.0, 25.5, None, 3.25, 99.0, 1.0, 5.0, 7.5, 12.0, 0.5, 42.0, 8.0],
            "ts": [f"2024-01-{d:02d} 10:00:00" for d in range(1, 13)],
        }
    )
    tx.write_csv(folder / "tx.csv")
    tx.write_parquet(folder / "tx.parquet")
    tx.write_ipc(folder / "tx.arrow")
    tx.write_ndjson(folder / "tx.ndjson")
    (folder / "broken.csv").write_text("a,b\n1,2\n3,4,5,6\n\"unclosed\n")
    (folder / "broken.parquet").write_bytes(b"PAR1 this is not a parquet file")
    (folder / "notes.txt").write_text("hello")


@pytest.fixture(scope="module")
def kernel(tmp_path_factory, kernelspec):
    folder = tmp_path_factory.mktemp("frames")
    write_data(folder)
    k = Kernel(folder)
    k.folder = folder
    yield k
    k.close()


def session_folder(kernel: Kernel) -> Path:
    """The session folder, once every queued checkpoint is written (checkpoints are written
    after the reply; `%fe status` says when they are all on disk)."""
    deadline = time.monotonic() + 60
    while True:
        text = kernel.ok("%fe status").text()
        if "checkpoints: every committed version is on disk" in text or time.monotonic() > deadline:
            return Path(re.search(r"session folder: (.+)", text).group(1).strip())
        time.sleep(0.05)


def tmp_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.name.endswith(".tmp")]


def test_load_every_format_and_list_frames(kernel):
    run = kernel.ok("%fe load tx.csv")
    assert "loaded tx.csv as `tx`: 12 rows × 4 columns (version 1)" in run.text()
    assert "<table" in run.html()
    for ext in ("parquet", "arrow", "ndjson"):
        kernel.ok(f"%fe load tx.{ext} as tx_{ext}")
    text = kernel.ok("%fe frames").text()
    for name in ("tx", "tx_parquet", "tx_arrow", "tx_ndjson"):
        assert re.search(rf"^{name}\s+12\s+4\s+1\s", text, re.M), text


def test_show_and_schema(kernel):
    run = kernel.ok("%fe show tx 3")
    assert run.html().count("<tr>") >= 3
    assert "c1" in run.text()
    schema = kernel.ok("%fe schema tx")
    text = schema.text()
    assert "amount" in text and "customer" in text
    # nulls of customer (3) and amount (1) are reported
    assert re.search(r"customer.*\b3\b", text), text


def test_apply_commits_a_version_and_shows_new_columns(kernel):
    before = kernel.version("tx")
    run = kernel.ok(
        "%%fe apply tx\n"
        "df = df.with_columns(\n"
        "    amount_log=pl.col('amount').log1p(),\n"
        "    is_big=pl.col('amount') > 20,\n"
        ")\n"
    )
    text = run.text()
    assert f"version {before} → {before + 1}" in text, text
    assert "amount_log" in text and "is_big" in text
    assert kernel.version("tx") == before + 1
    history = kernel.ok("%fe history tx").text()
    assert "amount_log=pl.col('amount').log1p()" in history


def test_rejected_code_names_the_cell_line_and_changes_nothing(kernel):
    before = kernel.version("tx")
    run = kernel.fails("%%fe apply tx\nx = 1\ndf = df.with_columns(pl.col('amount').map_elements(lambda v: v))", "RejectedCode")
    evalue = run.reply["content"]["evalue"]
    assert "line 3" in evalue, evalue
    assert f"frame `tx` is still at version {before}" in evalue
    traceback = "\n".join(run.error["traceback"])
    assert "FE10" in traceback and "^" in traceback and "3 |" in traceback, traceback
    assert kernel.version("tx") == before


def test_undo_walks_back(kernel):
    kernel.ok("%%fe apply tx\ndf = df.with_columns(double=pl.col('amount') * 2)")
    v = kernel.version("tx")
    run = kernel.ok("%fe undo tx")
    assert f"back at version {v - 1}" in run.text()
    assert kernel.version("tx") == v - 1
    assert "double" not in kernel.ok("%fe show tx 2").text()


def test_save_writes_files_polars_can_read(kernel):
    for ext in ("parquet", "csv", "arrow"):
        out = kernel.folder / "out" / f"tx_saved.{ext}"
        run = kernel.ok(f"%fe save tx out/tx_saved.{ext}")
        assert "saved `tx`" in run.text()
        back = {"parquet": pl.read_parquet, "csv": pl.read_csv, "arrow": pl.read_ipc}[ext](out)
        assert back.height == 12 and "amount_log" in back.columns


@pytest.mark.parametrize(
    "code, ename, words",
    [
        ("%fe load missing.csv", "UsageError", "no such file"),
        ("%fe load notes.txt", "UsageError", "unknown file type"),
        ("%fe load broken.csv as broken", "ExecutionError", "broken.csv"),
        ("%fe load broken.parquet", "ExecutionError", "broken.parquet"),
        ("%fe load tx.csv as 2fast", "UsageError", "not a valid frame name"),
        ("%fe show nope", "UsageError", "nope"),
        ("%fe show tx many", "UsageError", "not a number of rows"),
        ("%%fe apply nope\ndf = df", "UsageError", "nope"),
        ("%fe config memory=lots", "UsageError", "memory"),
        ("%fe config colour=blue", "UsageError", "unknown setting"),
    ],
)
def test_bad_input_is_a_clear_error_and_loses_nothing(kernel, code, ename, words):
    frames_before = kernel.ok("%fe frames").text()
    run = kernel.fails(code, ename)
    assert words in run.reply["content"]["evalue"], run.reply["content"]["evalue"]
    assert kernel.ok("%fe frames").text() == frames_before


def test_status_reports_the_layers(kernel):
    text = kernel.ok("%fe status").text()
    for layer in ("environment", "rlimits", "landlock", "seccomp"):
        assert layer in text, text


def test_memory_bomb_is_a_resource_limit_and_the_worker_comes_back(kernel):
    kernel.ok("%fe config memory=300MiB")
    try:
        before = kernel.version("tx")
        run = kernel.fails(
            "%%fe apply tx\n"
            "big = df.select(pl.int_range(0, 40_000_000).alias('i'))\n"
            "big = big.with_columns(s=pl.col('i').cast(pl.String) + '-padding-padding-padding')\n"
            "df = df.with_columns(n=pl.lit(big['s'].str.len_chars().sum()))\n",
            "ResourceLimit",
            timeout=180,
        )
        assert "memory" in run.reply["content"]["evalue"]
        assert f"frame `tx` is still at version {before}" in run.reply["content"]["evalue"]
    finally:
        kernel.ok("%fe config memory=4GiB")
    assert kernel.version("tx") == before
    assert tmp_files(session_folder(kernel)) == []


def test_cross_join_bomb_is_refused_by_the_row_budget(kernel):
    kernel.ok("%%fe apply tx\ndf = df.with_columns(k=pl.lit(1))")
    before = kernel.version("tx")
    run = kernel.fails(
        "%%fe apply tx\n"
        "wide = df.select(pl.int_range(0, 20_000).alias('a'))\n"
        "df = wide.join(wide, how='cross').join(wide, how='cross')\n",
        "ResourceLimit",
    )
    assert "row" in run.reply["content"]["evalue"]
    assert kernel.version("tx") == before


SLOW_APPLY = (
    "%%fe apply tx\n"
    "a = df.select(pl.int_range(0, 6_000).alias('a'))\n"
    "b = a.join(a, how='cross').with_columns(h=(pl.col('a') * 7919 % 1000).cast(pl.String))\n"
    "df = df.with_columns(n=pl.lit(b.group_by('h').agg(pl.col('a').sort().sum()).height))\n"
)


def test_timeout_stops_a_long_apply(kernel):
    before = kernel.version("tx")
    kernel.ok("%fe config timeout=1s")
    try:
        started = time.monotonic()
        run = kernel.fails(SLOW_APPLY, "Timeout", timeout=60)
        elapsed = time.monotonic() - started
    finally:
        kernel.ok("%fe config timeout=600s")
    print(f"timeout answered after {elapsed:.2f} s")
    assert "timeout" in run.reply["content"]["evalue"]
    assert kernel.version("tx") == before


def test_interrupt_stops_a_long_apply_within_two_seconds(kernel):
    before = kernel.version("tx")
    msg_id = kernel.kc.execute(SLOW_APPLY)
    time.sleep(1.0)
    sent = time.monotonic()
    kernel.km.interrupt_kernel()
    run = kernel.collect(msg_id, timeout=60)
    elapsed = time.monotonic() - sent
    print(f"interrupt answered after {elapsed:.2f} s")
    assert run.status == "error" and run.reply["content"]["ename"] == "Interrupted", run.reply["content"]
    assert elapsed < 2.0, elapsed
    assert kernel.version("tx") == before


def test_sigkill_during_twenty_applies_loses_no_committed_version(kernel):
    kernel.ok("%fe load tx.csv as churn")
    committed = kernel.version("churn")
    for i in range(20):
        if i == 7:
            # A slow apply, with the worker killed while it runs.
            pid = kernel.worker_pid()
            msg_id = kernel.kc.execute(SLOW_APPLY.replace("apply tx", "apply churn"))
            threading.Timer(0.5, os.kill, (pid, signal.SIGKILL)).start()
            run = kernel.collect(msg_id)
            assert run.reply["content"]["ename"] == "WorkerCrashed", run.reply["content"]
            evalue = run.reply["content"]["evalue"]
            assert f"frame `churn` is still at version {committed}" in evalue, evalue
            assert "the command was not run again" in evalue, evalue
            assert kernel.worker_pid() != pid
        else:
            kernel.ok(f"%%fe apply churn\ndf = df.with_columns(step_{i}=pl.col('id') * {i})")
            committed += 1
        assert kernel.version("churn") == committed
    assert tmp_files(session_folder(kernel)) == []
    # Every other frame survived the restart.
    assert kernel.version("tx_parquet") == 1
    history = kernel.ok("%fe history churn").text()
    assert "step_19" in history


def _wait_until_dead(pid: int, timeout: float = 5.0) -> None:
    """Until the process is gone or a zombie (killed, not yet reaped by the kernel)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return
        if state in ("Z", "X"):
            return
        time.sleep(0.01)
    raise AssertionError(f"worker {pid} did not die")


def test_a_worker_killed_while_idle_is_restored_and_the_next_command_runs(kernel):
    kernel.ok("%fe load tx.csv as idle")
    kernel.ok("%%fe apply idle\ndf = df.with_columns(double=pl.col('id') * 2)")
    for i in range(20):
        pid = kernel.kill_worker()
        _wait_until_dead(pid)
        # Every kind of next command: a listing, an apply, a preview of the data.
        command = ["%fe frames", f"%%fe apply idle\ndf = df.with_columns(k{i}=pl.lit({i}))", "%fe undo idle"][i % 3]
        run = kernel.ok(command)
        notices = [o["content"]["text"] for o in run.outputs if o["msg_type"] == "stream" and o["content"]["name"] == "stderr"]
        assert len(notices) == 1, notices
        assert "while idle" in notices[0] and "killed by SIGKILL" in notices[0], notices
        assert "restarted and its frames restored before this command ran" in notices[0], notices
        assert "WorkerCrashed" not in run.text()
        assert kernel.worker_pid() != pid
    # Seven applies (i = 1, 4, …, 19), each but the last undone: numbers are never reused.
    assert kernel.version("idle") == 9
    shown = kernel.ok("%fe show idle 20").text()
    assert "double" in shown and "k19" in shown and "k16" not in shown, shown


def test_shutdown_and_restart_clear_the_session(tmp_path, kernelspec):
    write_data(tmp_path)
    k = Kernel(tmp_path)
    try:
        k.ok("%fe load tx.csv")
        first = session_folder(k)
        assert (first / "manifest.json").is_file()
        k.km.restart_kernel(now=False)
        k.kc.wait_for_ready(timeout=60)
        deadline = time.monotonic() + 10
        while first.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not first.exists(), "restart left the old session folder"
        assert "no frames loaded" in k.ok("%fe frames").text()
        k.ok("%fe load tx.csv")
        second = session_folder(k)
    finally:
        k.close()
    deadline = time.monotonic() + 10
    while second.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not second.exists(), "shutdown left the session folder"
