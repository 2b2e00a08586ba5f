# Profiles the benchmark whose goal was missed by the most (from a result JSON) with perf, and
# writes results/profile.json: the functions with the most self time in the profiled process.
#
#   python -m fekbench.profile results/latest.json      (bench/profile sets everything up)

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import pipeline, pipeline_data
from .kernels import FEKERNEL, BenchKernel

TOP = 15
FREQUENCY = 199  # samples per second per thread (each sample copies 16 KiB of stack for unwinding)
OWN_CODE = ("fe_worker::", "fe_lang::", "fekernel::")


def worst_goal(result: dict) -> tuple[str, dict, dict]:
    """(benchmark name, its result, the goal) with the smallest met-factor. The pipeline's goals
    at every size time the same apply: it is profiled at the largest size that misses one (the
    most samples)."""
    candidates = []
    for name, b in result["benchmarks"].items():
        if name == "pipeline":
            sizes = [size for size in b.values() if isinstance(size, dict) and "goals" in size]
            missing = [size for size in sizes if not all(g["met"] for g in size["goals"].values())] or sizes
            largest = max(missing, key=lambda size: size["rows"])
            candidates.append(("pipeline", largest, min(largest["goals"].values(), key=lambda g: g["factor"])))
        elif isinstance(b, dict) and "goal" in b:
            candidates.append((name, b, b["goal"]))
    return min(candidates, key=lambda c: c[2]["factor"])


def _record(pid: int, output: Path) -> subprocess.Popen:
    command = ["perf", "record", "-F", str(FREQUENCY), "--call-graph", "dwarf,16384", "-p", str(pid), "-o", str(output)]
    recorder = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(0.5)  # perf attaches to every thread before the measured work starts
    return recorder


def _stop(recorder: subprocess.Popen) -> None:
    recorder.send_signal(signal.SIGINT)
    recorder.wait(timeout=120)


def _perf_report(data: Path, children: bool) -> str:
    return subprocess.run(
        ["perf", "report", "-i", str(data), "--children" if children else "--no-children", "--sort", "symbol",
         "--stdio", "-g", "none", "--percent-limit", "0.5"],
        capture_output=True, text=True, check=True,
    ).stdout


def _report(data: Path) -> dict:
    """Self time per function (top TOP), and the inclusive time of our own functions."""
    flat = _perf_report(data, children=False)
    samples = re.search(r"# Samples: (\d+)([KM]?)", flat)
    count = int(samples.group(1)) * {"": 1, "K": 1000, "M": 1000000}[samples.group(2)] if samples else 0
    top = []
    for line in flat.splitlines():
        match = re.match(r"\s+([\d.]+)%\s+\[[.k]\]\s+(.+)$", line)
        if match:
            top.append({"percent": float(match.group(1)), "symbol": match.group(2).strip()[:160].strip()})
    own = []
    for line in _perf_report(data, children=True).splitlines():
        match = re.match(r"\s+([\d.]+)%\s+([\d.]+)%\s+\[[.k]\]\s+(.+)$", line)
        if match and match.group(3).strip().startswith(OWN_CODE):
            own.append({"percent": float(match.group(1)), "symbol": match.group(3).strip()[:160].strip()})
    return {"samples": count, "top": top[:TOP], "own_code_inclusive": own[:TOP]}


def profile_apply(rows: int, workdir: Path) -> dict:
    """perf on the worker while it runs the pipeline's `%%fe apply` once."""
    tx_path, cust_path = pipeline_data.ensure(Path(os.environ["FEKBENCH_DATA"]), rows)
    fe = BenchKernel(FEKERNEL, workdir)
    try:
        fe.timed(f"%fe load {cust_path} as customers")
        fe.timed(f"%fe load {tx_path} as tx")
        fe.timed(pipeline.APPLY_CELL)  # warm-up, as in the benchmark
        fe.timed("%fe undo tx")
        data = workdir / "perf.data"
        recorder = _record(fe.worker_pid(), data)
        seconds = fe.timed(pipeline.APPLY_CELL)
        _stop(recorder)
    finally:
        fe.close()
    report = _report(data)
    report.update({"process": "the worker", "apply_seconds": seconds,
                   "command": f"perf record -F {FREQUENCY} --call-graph dwarf -p <worker pid>, one %%fe apply of {rows:,} rows"})
    return report


def main() -> None:
    result = json.loads(Path(sys.argv[1]).read_text())
    name, bench, goal = worst_goal(result)
    with tempfile.TemporaryDirectory(prefix="fekbench-profile-") as work:
        if name == "pipeline":
            report = profile_apply(bench["rows"], Path(work))
            report["what"] = f"10-feature pipeline at {bench['rows']:,} rows, `%%fe apply`"
        else:
            raise SystemExit(f"no profile recipe for {name!r} yet")
    report["goal"] = goal
    out = Path(sys.argv[1]).parent / "profile.json"
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
