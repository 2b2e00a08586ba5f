# Runs `%%fe search` (builtin provider, fixed seed) on scikit-learn's bundled data sets through
# a real kernel and records what the search reports: baseline and final metric with their
# spreads over the folds, rounds kept, seconds per round and the share of rounds whose code
# passed the checker. Usage: python bench/search_loop.py OUT.json

from __future__ import annotations

import json
import platform
import re
import sys
import tempfile
import time
from pathlib import Path

import polars as pl
import sklearn
from jupyter_client.manager import start_new_kernel
from sklearn import datasets

ROUNDS = 10
FOLDS = 5
SEED = 42
SETS = {
    # name: (loader, target column, description for the prompt)
    "breast_cancer": (datasets.load_breast_cancer, "malignant", "cell nuclei measured in images of breast masses; predict whether the mass is malignant"),
    "wine": (datasets.load_wine, "cultivar", "chemical analysis of samples of three grape cultivars; predict the cultivar"),
    "diabetes": (datasets.load_diabetes, "progression", "ten baseline variables of diabetes patients; predict disease progression one year later"),
}


def write_sets(folder: Path) -> dict[str, Path]:
    paths = {}
    for name, (load, target, _) in SETS.items():
        bunch = load()
        frame = pl.DataFrame(bunch.data, schema=[str(n) for n in bunch.feature_names], orient="row")
        frame = frame.with_columns(pl.Series(target, bunch.target))
        if name == "breast_cancer":
            # scikit-learn codes malignant as 0; the search predicts "malignant" = 1.
            frame = frame.with_columns((1 - pl.col(target)).alias(target))
        path = folder / f"{name}.parquet"
        frame.write_parquet(path)
        paths[name] = path
    return paths


def run(kc, code: str, timeout: float = 1800) -> dict:
    msg_id = kc.execute(code)
    outputs = []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
        outputs.append(msg)
    reply = kc.get_shell_msg(timeout=timeout)
    assert reply["content"]["status"] == "ok", reply["content"]
    return {"outputs": outputs, "reply": reply["content"]}


def texts(result: dict, kinds=("display_data", "update_display_data")) -> list[str]:
    return [o["content"]["data"].get("text/plain", "") for o in result["outputs"] if o["msg_type"] in kinds]


def measure(kc, name: str, path: Path) -> dict:
    _, target, description = SETS[name]
    run(kc, f"%fe load {path} as {name}")
    started = time.monotonic()
    result = run(kc, f"%%fe search {name} --target {target} --rounds {ROUNDS} --folds {FOLDS} --seed {SEED} --provider builtin\n{description}")
    seconds = time.monotonic() - started
    table = [t for t in texts(result, ("update_display_data",)) if t.startswith("Search of")][-1]
    rows = [line for line in table.splitlines() if re.match(r"^\d+\s", line)]
    decisions = []
    round_seconds = []
    for row in rows:
        found = re.search(r"\s(kept|refused|error|leakage|no gain|no code|stopped)\s+(\d+|—)\s+(\d+\.\d)\s", row)
        assert found, row
        decisions.append(found.group(1))
        round_seconds.append(float(found.group(3)))
    summary = [t for t in texts(result, ("display_data",)) if "baseline" in t or "No round" in t][-1]
    scores = re.search(r"^(.+?) of the (.+?) on `.+?` over (\d+) folds \((\d+) rows, seed \d+\): baseline ([\d.]+) ± ([\d.]+) → final ([\d.]+) ± ([\d.]+)\.", summary, re.M)
    numbers = [float(scores.group(i)) for i in range(5, 9)] if scores else [None] * 4
    with_code = [d for d in decisions if d != "no code"]
    passed = [d for d in with_code if d != "refused"]
    return {
        "data_set": name,
        "target": target,
        "metric": scores.group(1) if scores else None,
        "model": scores.group(2) if scores else None,
        "folds": int(scores.group(3)) if scores else FOLDS,
        "rows": int(scores.group(4)) if scores else None,
        "baseline_mean": numbers[0],
        "baseline_std": numbers[1],
        "final_mean": numbers[2],
        "final_std": numbers[3],
        "summary": summary,
        "rounds": len(decisions),
        "decisions": decisions,
        "kept": decisions.count("kept"),
        "checker_pass_share": len(passed) / len(with_code) if with_code else None,
        # The whole cell's wall time over its rounds (the table rounds each round to 0.1 s).
        "seconds_per_round": round(seconds / len(decisions), 3) if decisions else None,
        "seconds_total": round(seconds, 2),
        "inserted_cell": bool(result["reply"].get("payload")),
    }


def main() -> None:
    out = Path(sys.argv[1])
    with tempfile.TemporaryDirectory() as folder:
        paths = write_sets(Path(folder))
        km, kc = start_new_kernel(kernel_name="fekernel", cwd=folder)
        try:
            results = [measure(kc, name, path) for name, path in paths.items()]
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    record = {
        "benchmark": "search-loop",
        "provider": "builtin",
        "rounds": ROUNDS,
        "folds": FOLDS,
        "seed": SEED,
        "scikit_learn": sklearn.__version__,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "unix_time": int(time.time()),
        "results": results,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(record, indent=2) + "\n")
    print(json.dumps(record))


if __name__ == "__main__":
    main()
