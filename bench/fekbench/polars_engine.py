# Python Polars' side of the side-by-side profile: the 10-feature pipeline on LazyFrames in one
# process, warm, like `bench_engine --wait` (bench/profile attaches perf to both the same way).
#
#   python -m fekbench.polars_engine TX.parquet CUSTOMERS.parquet [--repeats N] [--wait]

from __future__ import annotations

import argparse
import json
import sys
import time

import polars as pl

from . import pipeline_code


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("tx")
    parser.add_argument("customers")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--wait", action="store_true", help="print `ready` after the warm-up run and `finished` after the runs, each time going on at a line from stdin")
    args = parser.parse_args()
    tx, customers = pl.read_parquet(args.tx), pl.read_parquet(args.customers)
    pipeline_code.run_polars(tx, customers, lazy=True)  # warm-up, as bench_engine does
    if args.wait:
        print("ready", flush=True)
        sys.stdin.readline()
    seconds = []
    for _ in range(args.repeats):
        started = time.perf_counter()
        pipeline_code.run_polars(tx, customers, lazy=True)
        seconds.append(time.perf_counter() - started)
    if args.wait:
        print("finished", flush=True)
        sys.stdin.readline()
    print(json.dumps({"run_seconds": seconds}), flush=True)


if __name__ == "__main__":
    main()
