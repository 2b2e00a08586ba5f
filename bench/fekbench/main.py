# Runs every benchmark (or those named with --only) and writes one JSON result with the machine
# it ran on. `--quick` is a smaller run for development; bench/run is the one command to use.

from __future__ import annotations

import argparse
import datetime
import json
import os
import tempfile
import time
import traceback
from pathlib import Path

from . import engine_knobs, kernel_memory, lang_check, larger_than_memory, machine, pipeline, pipeline_parts, prompt_tokens, restore, roundtrip, startup
from .kernels import REPO

FULL = {
    "roundtrip_iterations": 500,
    "startup_repeats": 10,
    "pipeline": [(1_000_000, 5, 3), (10_000_000, 3, 2)],  # rows, apply repeats, load repeats
    "pipeline_parts": (1_000_000, 5),  # rows, repeats
    "engine_knobs": [(1_000_000, 5), (10_000_000, 3)],  # rows, repeats
    "lang_invocations": 5,
    "restore_repeats": 5,
    "memory_rows": 10_000_000,
    "larger_than_memory": (100_000_000, 10, "4GiB"),  # rows, files, the worker's memory limit
}
QUICK = {
    "roundtrip_iterations": 100,
    "startup_repeats": 3,
    "pipeline": [(1_000_000, 3, 1)],
    "pipeline_parts": (1_000_000, 2),
    "engine_knobs": [(1_000_000, 2)],
    "lang_invocations": 1,
    "restore_repeats": 2,
    "memory_rows": 1_000_000,
    "larger_than_memory": (20_000_000, 4, "512MiB"),
}
NAMES = ["roundtrip", "startup", "pipeline", "pipeline_parts", "engine_knobs", "lang_check", "restore", "prompt_tokens", "kernel_memory", "larger_than_memory"]


def benchmarks(config: dict, work: Path, data: Path, target: Path) -> dict:
    examples = target / "release" / "examples"
    return {
        "roundtrip": lambda: roundtrip.run(work, config["roundtrip_iterations"]),
        "startup": lambda: startup.run(work, config["startup_repeats"]),
        "pipeline": lambda: {
            str(rows): pipeline.run(work, data, rows, repeats, loads, examples / "bench_engine") for rows, repeats, loads in config["pipeline"]
        },
        "pipeline_parts": lambda: pipeline_parts.run(work, data, *config["pipeline_parts"], examples / "bench_engine"),
        "engine_knobs": lambda: engine_knobs.run(work, data, config["engine_knobs"], examples),
        "lang_check": lambda: lang_check.run(examples / "bench_check", config["lang_invocations"]),
        "restore": lambda: restore.run(examples / "bench_restore", work, config["restore_repeats"]),
        "prompt_tokens": lambda: prompt_tokens.run(work),
        "kernel_memory": lambda: kernel_memory.run(work, data, config["memory_rows"]),
        "larger_than_memory": lambda: larger_than_memory.run(work, data, *config["larger_than_memory"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repeats, 1e6 rows only")
    parser.add_argument("--only", nargs="*", choices=NAMES, help="run only these benchmarks")
    parser.add_argument("--out", type=Path, help="result file (default bench/results/latest.json, quick.json)")
    args = parser.parse_args()
    config = QUICK if args.quick else FULL
    out = args.out or REPO / "bench" / "results" / ("quick.json" if args.quick else "latest.json")
    # bench/run copies the binaries it built to FEKBENCH_BIN (a private target-like folder).
    target = Path(os.environ.get("FEKBENCH_BIN") or os.environ.get("CARGO_TARGET_DIR", Path.home() / ".cache" / "fekernel" / "target"))
    data = Path(os.environ.get("FEKBENCH_DATA") or Path.home() / ".cache" / "fekernel" / "bench-data")
    result = {
        "schema": 1,
        "quick": args.quick,
        "config": config,
        "started": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": machine.describe(REPO),
        "benchmarks": {},
    }
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="fekbench-") as work:
        for name, function in benchmarks(config, Path(work), data, target).items():
            if args.only and name not in args.only:
                continue
            print(f"==> {name}", flush=True)
            begun = time.monotonic()
            try:
                result["benchmarks"][name] = function()
            except Exception as error:  # recorded, so one broken benchmark does not hide the others
                traceback.print_exc()
                result["benchmarks"][name] = {"error": f"{type(error).__name__}: {error}"}
            result["benchmarks"][name]["elapsed_seconds"] = time.monotonic() - begun
            print(f"    {name} done in {time.monotonic() - begun:.0f} s", flush=True)
    result["duration_seconds"] = time.monotonic() - started
    result["load_average_at_end"] = list(os.getloadavg())
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
