# Profiles the benchmark whose goal was missed by the most (from a result JSON) with perf, and
# writes results/profile.json: the functions with the most self time in the profiled process,
# and for the pipeline the in-process engine and Python Polars side by side (same perf settings).
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

from . import pipeline, pipeline_code, pipeline_data
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
        fe.settle()  # the warm-up's checkpoint is written after its reply: not this apply's work
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


SIDE_BY_SIDE_FREQUENCY = 999  # task-clock samples per CPU-second: each sample is ~1 ms of CPU time
SIDE_BY_SIDE_TOP = 25

# What a symbol is, for the side-by-side table: (category, test on (dso, kernel?, symbol)).
CATEGORIES = [
    ("Linux kernel (page faults, zeroing fresh pages, scheduling, syscalls)", lambda dso, kernel, sym: kernel),
    ("allocator (mimalloc in fekernel, jemalloc in Python Polars)",
     lambda dso, kernel, sym: re.match(r"_?(mi|_mi|_rjem|je|rjem)_|(__libc_|_int_)?(malloc|free|realloc|calloc)\b|cfree", sym) is not None),
    ("memcpy / memset (libc)", lambda dso, kernel, sym: re.match(r"__(memmove|memcpy|memset|mempcpy)", sym) is not None),
    ("CPython interpreter", lambda dso, kernel, sym: dso.startswith(("python", "libpython"))),
    ("fekernel's own code (fe_lang, fe_worker)", lambda dso, kernel, sym: sym.startswith(("fe_", "<fe_"))),
    ("thread pool (rayon, crossbeam)", lambda dso, kernel, sym: "rayon" in sym or "crossbeam" in sym),
    ("Polars and other Rust code", lambda dso, kernel, sym: True),
]


def _category(dso: str, kernel: bool, symbol: str) -> str:
    return next(name for name, test in CATEGORIES if test(dso, kernel, symbol))


def _normalise(symbol: str) -> str:
    """A function's name as both builds spell it: without legacy-mangling hashes and LLVM clone
    suffixes, and without generic arguments (the Python wheel's v0 mangling spells them out,
    the default legacy mangling of our build does not): `merge_sort::<(u32, f64), …>` and
    `Builder<f64>` become `merge_sort` and `Builder`, `<NaiveDate>::add_days` becomes
    `NaiveDate::add_days`; `<A as B>::f` keeps its shape."""
    symbol = re.sub(r"::h[0-9a-f]{16}$", "", symbol.strip())
    symbol = re.sub(r"\.(llvm|cold|isra|part|constprop)\.\d+.*$", "", symbol)
    out: list[str] = []
    i = 0
    while i < len(symbol):
        char = symbol[i]
        generic = char == "<" and out and (out[-1].isalnum() or out[-1] in "_:")
        if not generic:
            out.append(char)
            i += 1
            continue
        depth = 0
        while i < len(symbol):
            depth += {"<": 1, ">": -1}.get(symbol[i], 0)
            i += 1
            if depth == 0:
                break
        while out and out[-1] == ":":
            out.pop()
    text = "".join(out)
    return re.sub(r"<([^<>]*?)>::", lambda m: m.group(0) if " as " in m.group(1) else f"{m.group(1)}::", text)


def _samples_by_symbol(data: Path) -> dict[tuple[str, bool, str], int]:
    report = subprocess.run(
        ["perf", "report", "-i", str(data), "--no-children", "--sort", "dso,symbol", "--stdio", "-F", "sample,dso,symbol",
         "-g", "none", "--percent-limit", "0"],
        capture_output=True, text=True, check=True,
    ).stdout
    counts: dict[tuple[str, bool, str], int] = {}
    for line in report.splitlines():
        # perf pads the symbol and may add empty columns ("-  -") after it.
        match = re.match(r"\s+(\d+)\s+(\S+)\s+\[([.k])\]\s+(.+?)(?:\s+-\s+-)?\s*$", line)
        if match:
            key = (match.group(2), match.group(3) == "k", _normalise(match.group(4)))
            counts[key] = counts.get(key, 0) + int(match.group(1))
    return counts


def _profile_process(command: list[str], workdir: Path, label: str, repeats: int) -> dict:
    """Start `command` (it prints `ready` after its warm-up and `finished` after its measured runs,
    each time waiting for a line), record it with perf between the two, and return CPU
    milliseconds per run by symbol."""
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None and process.stdin is not None
        line = process.stdout.readline()
        if line.strip() != "ready":
            raise RuntimeError(f"{label}: expected `ready`, got {line!r}")
        data = workdir / f"perf-{label}.data"
        recorder = subprocess.Popen(
            ["perf", "record", "-e", "task-clock", "-F", str(SIDE_BY_SIDE_FREQUENCY), "-p", str(process.pid), "-o", str(data)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        time.sleep(0.5)
        process.stdin.write("go\n")
        process.stdin.flush()
        line = process.stdout.readline()
        _stop(recorder)  # before the process goes on to its work after the measured runs
        if line.strip() != "finished":
            raise RuntimeError(f"{label}: expected `finished`, got {line!r}")
        process.stdin.write("go\n")
        process.stdin.flush()
        out = process.stdout.read()
        process.wait(timeout=600)
    finally:
        if process.poll() is None:
            process.kill()
    report = json.loads(out.strip().splitlines()[-1])
    per_run_ms = 1000.0 / SIDE_BY_SIDE_FREQUENCY / repeats
    by_symbol = {key: count * per_run_ms for key, count in _samples_by_symbol(data).items()}
    return {"wall_seconds": report["run_seconds"], "cpu_ms_by_symbol": by_symbol}


def profile_side_by_side(rows: int, workdir: Path, repeats: int = 3) -> dict:
    """The pipeline's feature code in-process in both engines, profiled the same way: fekernel's
    `bench_engine` (fe-lang + Rust Polars, the worker's code path) and Python Polars (lazy)."""
    tx_path, cust_path = pipeline_data.ensure(Path(os.environ["FEKBENCH_DATA"]), rows)
    code_file = workdir / "side_by_side_features.py"
    code_file.write_text(pipeline_code.FEATURES)
    engine = Path(os.environ["FEKBENCH_BIN"]) / "release" / "examples" / "bench_engine"
    ours = _profile_process(
        [str(engine), str(code_file), "tx", f"tx={tx_path}", f"customers={cust_path}", "--repeats", str(repeats), "--wait"],
        workdir, "fekernel", repeats)
    theirs = _profile_process(
        [sys.executable, "-m", "fekbench.polars_engine", str(tx_path), str(cust_path), "--repeats", str(repeats), "--wait"],
        workdir, "python-polars", repeats)
    return _compare(ours, theirs, rows, repeats)


def _compare(ours: dict, theirs: dict, rows: int, repeats: int) -> dict:
    """CPU time per run of both profiles by kind of code and by function."""

    def by_category(profile: dict) -> dict[str, float]:
        totals = {name: 0.0 for name, _ in CATEGORIES}
        for (dso, kernel, symbol), ms in profile["cpu_ms_by_symbol"].items():
            totals[_category(dso, kernel, symbol)] += ms
        return totals

    def by_name(profile: dict) -> dict[str, float]:
        totals: dict[str, float] = {}
        for (_, kernel, symbol), ms in profile["cpu_ms_by_symbol"].items():
            name = f"{symbol} [kernel]" if kernel else symbol
            totals[name] = totals.get(name, 0.0) + ms
        return totals

    ours_names, theirs_names = by_name(ours), by_name(theirs)
    top = sorted(set(ours_names) | set(theirs_names), key=lambda n: -max(ours_names.get(n, 0.0), theirs_names.get(n, 0.0)))
    ours_cat, theirs_cat = by_category(ours), by_category(theirs)
    return {
        "what": f"the 10-feature pipeline's feature code at {rows:,} rows, in-process, warm ({repeats} runs each)",
        "command": f"perf record -e task-clock -F {SIDE_BY_SIDE_FREQUENCY} -p <pid>: `bench_engine --wait` and `python -m fekbench.polars_engine --wait`",
        "wall_seconds": {"fekernel": ours["wall_seconds"], "python_polars": theirs["wall_seconds"]},
        "cpu_ms_per_run": {"fekernel": sum(ours_cat.values()), "python_polars": sum(theirs_cat.values())},
        "categories": [{"category": name, "fekernel_ms": ours_cat[name], "python_polars_ms": theirs_cat[name]} for name, _ in CATEGORIES],
        "top": [{"symbol": n[:160], "fekernel_ms": ours_names.get(n, 0.0), "python_polars_ms": theirs_names.get(n, 0.0)}
                for n in top[:SIDE_BY_SIDE_TOP]],
    }


def main() -> None:
    result = json.loads(Path(sys.argv[1]).read_text())
    name, bench, goal = worst_goal(result)
    with tempfile.TemporaryDirectory(prefix="fekbench-profile-") as work:
        if name == "pipeline":
            report = profile_apply(bench["rows"], Path(work))
            report["what"] = f"10-feature pipeline at {bench['rows']:,} rows, `%%fe apply`"
            report["side_by_side"] = profile_side_by_side(bench["rows"], Path(work))
        else:
            raise SystemExit(f"no profile recipe for {name!r} yet")
    report["goal"] = goal
    out = Path(sys.argv[1]).parent / "profile.json"
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
