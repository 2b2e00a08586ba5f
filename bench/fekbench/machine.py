# What the benchmarks ran on: CPU, cores, RAM, Linux kernel, rustc, the peers' versions, the
# commit, and the load at the start (other work on a shared machine skews absolute times).

from __future__ import annotations

import importlib.metadata
import os
import platform
import subprocess
import sys
from pathlib import Path

PEERS = ["ipykernel", "ipython", "jupyter_client", "pyzmq", "polars", "polars-runtime-32", "pandas",
         "numpy", "pyarrow", "bpe-openai"]


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _ram_bytes() -> int:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) * 1024
    return 0


def _command(*args: str, cwd: Path | None = None) -> str:
    try:
        return subprocess.run(args, capture_output=True, text=True, check=True, cwd=cwd).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _merging(repo: Path) -> dict | None:
    """A merge in progress (its changes are in the work tree the run built): what it merges."""
    merge_head = Path(_command("git", "rev-parse", "--git-path", "MERGE_HEAD", cwd=repo))
    if not merge_head.is_absolute():
        merge_head = repo / merge_head
    if not merge_head.exists():
        return None
    commit = merge_head.read_text().split()[0]
    return {"commit": commit, "name": _command("git", "name-rev", "--name-only", commit, cwd=repo)}


def describe(repo: Path) -> dict:
    return {
        "cpu_model": _cpu_model(),
        "cores": os.cpu_count(),
        "ram_bytes": _ram_bytes(),
        "kernel": platform.release(),
        "os": _command("sh", "-c", ". /etc/os-release && echo $PRETTY_NAME"),
        "rustc": _command("rustc", "--version"),
        "python": platform.python_version(),
        "python_executable": sys.executable,
        "peers": {name: _version(name) for name in PEERS},
        "load_average_at_start": list(os.getloadavg()),
        "git": {
            "commit": _command("git", "rev-parse", "HEAD", cwd=repo),
            "branch": _command("git", "rev-parse", "--abbrev-ref", "HEAD", cwd=repo),
            "dirty": _command("git", "status", "--porcelain", "--untracked-files=no", cwd=repo) != "",
            "merging": _merging(repo),
        },
    }
