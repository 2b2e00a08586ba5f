# Kernels started from their installed kernelspecs with jupyter_client, as notebooks start them:
# fekernel and ipykernel behind the same helper (the tests' Kernel, with a kernel name).

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from jupyter_client.manager import KernelManager

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "python"))
from kernel_session import Kernel  # noqa: E402  (the tests' jupyter_client helper)

FEKERNEL = "fekernel"
IPYKERNEL = "python3"


def kernel_log():
    """Where the kernels' stdout/stderr go (worker sandbox notes, ipykernel warnings)."""
    path = Path(os.environ.get("FEKBENCH_KERNEL_LOG", Path(tempfile.gettempdir()) / "fekbench-kernels.log"))
    return open(path, "ab")


class BenchKernel(Kernel):
    """A kernel of any kernelspec, with timing helpers on top of the tests' helper."""

    def __init__(self, kernel_name: str, cwd: Path, env: dict | None = None):
        self.kernel_name = kernel_name
        self.km = KernelManager(kernel_name=kernel_name)
        full_env = dict(os.environ)
        full_env.update(env or {})
        log = kernel_log()
        self.km.start_kernel(cwd=str(cwd), env=full_env, stdout=log, stderr=log)
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=120)

    @property
    def pid(self) -> int:
        """The kernel process (the provisioner's child), not a wrapper."""
        return self.km.provisioner.process.pid

    def timed(self, code: str, timeout: float = 1200, store_history: bool = True) -> float:
        """Seconds from sending `code` to having both its reply and its idle status; must succeed.
        Notebooks send store_history=True for every cell a user runs."""
        started = time.perf_counter()
        run = self.collect(self.kc.execute(code, store_history=store_history), timeout)
        elapsed = time.perf_counter() - started
        if run.status != "ok":
            content = run.reply["content"]
            raise RuntimeError(f"{self.kernel_name}: {code.splitlines()[0]!r} failed: {content.get('ename')}: {content.get('evalue')}")
        return elapsed


    def settle(self, timeout: float = 600) -> float:
        """Waits (untimed by the caller) until the worker has written every queued checkpoint,
        so background writes of one repeat do not run into the next measurement. Returns the
        seconds waited."""
        started = time.perf_counter()
        while True:
            run = self.collect(self.kc.execute("%fe status", store_history=False), timeout)
            if "checkpoints: every committed version is on disk" in run.text():
                return time.perf_counter() - started
            if time.perf_counter() - started > timeout:
                raise RuntimeError("the worker's checkpoints were not written in time")
            time.sleep(0.02)


def rss_bytes(pid: int) -> int:
    """VmRSS of a process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"no VmRSS for pid {pid}")
