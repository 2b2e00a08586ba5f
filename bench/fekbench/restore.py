# Benchmark 5: worker restore after SIGKILL with a 1e7-row frame — the worker-level example
# (worker/examples/bench_restore) and the same through the real kernel (kill, then `%fe frames`);
# peer: a fresh Python process that imports Polars and reads the same Arrow IPC file.

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from . import stats
from .kernels import FEKERNEL, BenchKernel

GOAL_SECONDS = 1.0
# Prints the seconds the read itself took (the rest of the wall time is Python and the import).
PEER = (
    "import time, sys; import polars as pl; t = time.perf_counter(); df = pl.read_ipc(sys.argv[1]); "
    "assert df.height > 0; print(time.perf_counter() - t)"
)
READ_ONLY: list[float] = []


def _fresh_python_read(path: Path) -> float:
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", PEER, str(path)], check=True, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    READ_ONLY.append(float(out.stdout.strip()))
    return elapsed


def _wait_gone(pid: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except FileNotFoundError:
            return
        if ") Z" in stat:
            return
        time.sleep(0.005)


def _through_kernel(workdir: Path, data: Path, repeats: int, peer: list[float]) -> list[float]:
    fe = BenchKernel(FEKERNEL, workdir)
    try:
        fe.timed(f"%fe load {data} as big")
        fe.settle()  # restores are measured from the checkpoint file, written after the reply
        seconds = []
        for _ in range(repeats):
            pid = fe.worker_pid()
            os.kill(pid, signal.SIGKILL)
            _wait_gone(pid)
            seconds.append(fe.timed("%fe frames"))  # the next command restarts and restores
            peer.append(_fresh_python_read(data))
        return seconds
    finally:
        fe.close()


def run(example: Path, workdir: Path, repeats: int) -> dict:
    READ_ONLY.clear()
    data = workdir / "restore_1e7.arrow"
    subprocess.run([str(example), "--write-data", str(data)], check=True)  # the example's own frame
    peer: list[float] = [_fresh_python_read(data) for _ in range(repeats)]
    out = subprocess.run([str(example)], capture_output=True, text=True, check=True).stdout
    worker_level = json.loads(out)
    example_peer = list(peer)
    kernel_seconds = _through_kernel(workdir, data, repeats, peer)
    data.unlink()
    kernel_peer = peer[len(example_peer):]
    kernel_summary = stats.summary(kernel_seconds)
    return {
        "rows": worker_level["rows"],
        "columns": worker_level["columns"],
        "data_file_bytes": worker_level["data_file_bytes"],
        "worker_level_seconds": stats.summary(worker_level["restore_seconds"]),
        "through_kernel_seconds": kernel_summary,
        "peer_fresh_python_read_ipc_seconds": stats.summary(peer),
        "peer_read_ipc_only_seconds": stats.summary(READ_ONLY),
        "ratio_through_kernel_vs_peer": stats.paired_ratio(kernel_seconds, kernel_peer),
        "ratio_worker_level_vs_peer": stats.summary(worker_level["restore_seconds"])["median"]
        / stats.summary(example_peer)["median"],
        "goal": stats.goal("max", GOAL_SECONDS, kernel_summary["median"], unit="s"),
        "goal_worker_level": stats.goal("max", GOAL_SECONDS, stats.summary(worker_level["restore_seconds"])["median"], unit="s"),
    }
