# Runs an exported PySpark script on a local Spark and compares its frame with the kernel's
# (same rows by key, floats to 1e-9 relative). Used by `%fe export --check` and by the tests.
"""Usage: python spark_check.py SCRIPT EXPECTED.parquet REPORT.json [--key a,b] [--source NAME=PATH ...]

Needs pyspark (and Java). Starts a local session (local[2], loopback only, no UI), imports
SCRIPT, reads every source as the script does (at PATH when given), calls build_features and
compares the result with EXPECTED (the kernel's frame, saved as Parquet). Writes REPORT.json:
{"equal": bool, "rows": n, "columns": [...], "differences": [...], "seconds": {...}}.
"""

from __future__ import annotations

import datetime
import importlib.util
import json
import math
import sys
import time

REL_TOL = 1e-9
ABS_TOL = 1e-12
# Float32 columns: two units in the last place of a float32 (Polars computes in float32; the
# order of operations may differ by one rounding).
REL_TOL_FLOAT32 = 2.4e-7


def local_session(app: str = "fekernel-check"):
    """One local Spark session on loopback only, no UI; small shuffles for small frames."""
    from pyspark.sql import SparkSession

    return (
        SparkSession.builder.master("local[2]")
        .appName(app)
        .config("spark.ui.enabled", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.ansi.enabled", "true")
        .config("spark.sql.parquet.inferTimestampNTZ.enabled", "true")
        .getOrCreate()
    )


def load_script(path: str, module_name: str = "fekernel_exported"):
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def comparable(value):
    """A value as compared: floats stay floats, durations become integers of their unit."""
    if isinstance(value, datetime.timedelta):
        return value // datetime.timedelta(microseconds=1)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [comparable(v) for v in value]
    return value


def same_value(a, b, rel_tol: float = REL_TOL) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_value(x, y, rel_tol) for x, y in zip(a, b))
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, float) or isinstance(b, float):
        try:
            a, b = float(a), float(b)
        except (TypeError, ValueError):
            return False
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return math.isclose(a, b, rel_tol=rel_tol, abs_tol=ABS_TOL)
    return a == b


def sort_key(row, order):
    """Rows sorted by the key columns first (nulls first), then by every other column."""
    out = []
    for i in order:
        v = row[i]
        if v is None:
            out.append((0, ""))
        elif isinstance(v, float) and math.isnan(v):
            out.append((2, 0.0))
        elif isinstance(v, list):
            out.append((1, repr(v)))
        else:
            out.append((1, v))
    return tuple(out)


def compare(expected_columns, expected_rows, actual_columns, actual_rows, key=None, float_columns=(), float32_columns=()):
    """Differences between two frames given as column names and lists of row tuples."""
    differences = []
    if list(expected_columns) != list(actual_columns):
        differences.append(f"columns differ: expected {list(expected_columns)}, Spark gave {list(actual_columns)}")
        return differences
    if len(expected_rows) != len(actual_rows):
        differences.append(f"row counts differ: expected {len(expected_rows)}, Spark gave {len(actual_rows)}")
        return differences
    names = list(expected_columns)
    key_idx = [names.index(k) for k in key] if key else [i for i, c in enumerate(names) if c not in float_columns]
    order = key_idx + [i for i in range(len(names)) if i not in key_idx]
    expected = sorted((tuple(comparable(v) for v in r) for r in expected_rows), key=lambda r: sort_key(r, order))
    actual = sorted((tuple(comparable(v) for v in r) for r in actual_rows), key=lambda r: sort_key(r, order))
    for n, (e, a) in enumerate(zip(expected, actual)):
        for i, name in enumerate(names):
            if not same_value(e[i], a[i], REL_TOL_FLOAT32 if name in float32_columns else REL_TOL):
                keys = {names[k]: e[k] for k in key_idx[:3]}
                differences.append(f"row {n} ({keys}): column `{name}` is {e[i]!r} in the kernel, {a[i]!r} on Spark")
                if len(differences) >= 10:
                    return differences
    return differences


def rows_of(frame):
    return [tuple(r) for r in frame.collect()]


def main(argv: list[str]) -> int:
    script, expected_path, report_path = argv[1:4]
    key, sources = None, {}
    rest = argv[4:]
    while rest:
        flag = rest.pop(0)
        if flag == "--key":
            key = [k for k in rest.pop(0).split(",") if k]
        elif flag == "--source":
            name, _, path = rest.pop(0).partition("=")
            sources[name] = path
    times = {}
    start = time.perf_counter()
    spark = local_session()
    spark.sparkContext.setLogLevel("ERROR")
    times["session_start"] = time.perf_counter() - start
    report = {"equal": False, "spark_version": spark.version}
    try:
        t = time.perf_counter()
        module = load_script(script)
        frames = {name: module.read_source(spark, name, sources.get(name)) for name in module.SOURCES}
        target = module.TARGET
        result = module.build_features(frames.pop(target), **frames)
        actual_rows = rows_of(result)
        times["spark_run"] = time.perf_counter() - t
        t = time.perf_counter()
        expected = spark.read.parquet(expected_path)
        float_columns = [f.name for f in expected.schema.fields if f.dataType.typeName() in ("double", "float")]
        float32_columns = [f.name for f in expected.schema.fields if f.dataType.typeName() == "float"]
        differences = compare(expected.columns, rows_of(expected), result.columns, actual_rows, key, float_columns, float32_columns)
        times["compare"] = time.perf_counter() - t
        report.update(equal=not differences, rows=len(actual_rows), columns=result.columns, differences=differences)
    except Exception as error:  # reported to the kernel, which shows it as the check's result
        report.update(error=f"{type(error).__name__}: {error}"[:4000])
    times["total"] = time.perf_counter() - start
    report["seconds"] = times
    with open(report_path, "w", encoding="utf-8") as out:
        json.dump(report, out, indent=1, default=str)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
