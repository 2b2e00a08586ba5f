# Benchmark 2: launch to kernel_info reply, fekernel against ipykernel, interleaved; the clock
# starts before KernelManager.start_kernel (connection file, spawn) and stops at the reply.

from __future__ import annotations

import os
import time
from pathlib import Path

from jupyter_client.manager import KernelManager

from . import stats
from .kernels import FEKERNEL, IPYKERNEL, kernel_log

GOAL_RATIO = 0.3


def launch_to_kernel_info(kernel_name: str, cwd: Path) -> float:
    """One cold launch: seconds until the kernel_info reply arrives."""
    km = KernelManager(kernel_name=kernel_name)
    log = kernel_log()
    started = time.perf_counter()
    km.start_kernel(cwd=str(cwd), env=dict(os.environ), stdout=log, stderr=log)
    kc = km.client()
    kc.start_channels(hb=False)  # no heartbeat thread: only the shell reply is timed
    try:
        # Sent at once: zmq queues it until the kernel has bound its shell socket.
        msg_id = kc.kernel_info()
        deadline = started + 120
        while True:
            msg = kc.get_shell_msg(timeout=max(0.1, deadline - time.perf_counter()))
            if msg["parent_header"].get("msg_id") == msg_id:
                elapsed = time.perf_counter() - started
                break
        if msg["content"].get("status") != "ok":
            raise RuntimeError(f"{kernel_name}: kernel_info failed: {msg['content']}")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
        log.close()
    return elapsed


def run(workdir: Path, repeats: int) -> dict:
    launch_to_kernel_info(FEKERNEL, workdir)  # warm the page cache for both binaries
    launch_to_kernel_info(IPYKERNEL, workdir)
    ours, theirs = [], []
    for _ in range(repeats):
        ours.append(launch_to_kernel_info(FEKERNEL, workdir))
        theirs.append(launch_to_kernel_info(IPYKERNEL, workdir))
    ratio = stats.paired_ratio(ours, theirs)
    return {
        "repeats": repeats,
        "fekernel_seconds": stats.summary(ours),
        "ipykernel_seconds": stats.summary(theirs),
        "ratio": ratio,
        "goal": stats.goal("max", GOAL_RATIO, ratio["median"]),
    }
