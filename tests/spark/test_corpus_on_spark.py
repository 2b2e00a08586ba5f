# The differential corpus on Spark: every snippet is exported to PySpark (lang's spark_export
# example); each script the export accepts runs in one local Spark session on the corpus data
# and must give Python Polars' frame (the oracle). Refusals are counted, never failures.
"""Environment:
  SPARK_EXPORT     path of the built exporter (default $CARGO_TARGET_DIR/release/examples/spark_export)
  SPARK_WORK_DIR   folder for data, expected frames and scripts (default: a fresh temp folder)
  FE_CORPUS_DIR    the corpus folder (default tests/differential/corpus)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polars as pl
import pytest

import spark_check
import spark_tally
from corpus_files import load_corpus

HERE = Path(__file__).resolve().parent
DIFFERENTIAL = HERE.parent / "differential"
SNIPPETS = load_corpus()
spark_tally.TALLY["corpus"] = len(SNIPPETS)


def exporter() -> Path:
    if os.environ.get("SPARK_EXPORT"):
        return Path(os.environ["SPARK_EXPORT"])
    target = Path(os.environ.get("CARGO_TARGET_DIR", HERE.parent.parent / "target"))
    return target / "release" / "examples" / "spark_export"


@pytest.fixture(scope="session")
def work_dir() -> Path:
    """Data, the Python Polars oracle's frames and every snippet's PySpark script, made once."""
    root = Path(os.environ.get("SPARK_WORK_DIR") or tempfile.mkdtemp(prefix="fe-spark-corpus-"))
    data, expected, scripts = root / "data", root / "expected", root / "scripts"
    for folder in (data, expected, scripts):
        folder.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, str(DIFFERENTIAL / "make_data.py"), str(data)], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, str(DIFFERENTIAL / "oracle.py"), str(data), str(expected)], check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    manifest = [
        {
            "id": s.id,
            "source": str(s.path),
            "target": s.target,
            "frames": list(s.other_frames),
            "data": str(data),
            "output": str(scripts / f"{s.id}.py"),
            "error_output": str(scripts / f"{s.id}.refused.json"),
        }
        for s in SNIPPETS
    ]
    (root / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    tool = exporter()
    if not tool.is_file():
        pytest.fail(f"exporter not found at {tool}: build it with `cargo build --release --locked -p fe-lang --example spark_export`")
    start = time.perf_counter()
    subprocess.run([str(tool), str(root / "manifest.json")], check=True)
    spark_tally.TALLY["export_seconds"] = time.perf_counter() - start
    spark_tally.TALLY["work_dir"] = str(root)
    return root


def expected_rows(path: Path):
    """The oracle's frame as Spark gives values: categoricals as strings, durations as integers."""
    frame = pl.read_ipc(path)
    casts = []
    for name, dtype in frame.schema.items():
        if isinstance(dtype, (pl.Categorical, pl.Enum)):
            casts.append(pl.col(name).cast(pl.String))
        elif isinstance(dtype, pl.Duration):
            casts.append(pl.col(name).cast(pl.Int64))
    if casts:
        frame = frame.with_columns(casts)
    floats = [n for n, d in frame.schema.items() if d.is_float()]
    floats32 = [n for n, d in frame.schema.items() if d == pl.Float32]
    rows = frame.rows()
    structs = [i for i, d in enumerate(frame.schema.values()) if isinstance(d, pl.Struct)]
    if structs:
        # Spark gives a struct as a Row (a tuple of its fields); Polars as a dict.
        def as_tuple(v):
            return tuple(v.values()) if isinstance(v, dict) else v

        rows = [tuple(as_tuple(v) if i in structs else v for i, v in enumerate(r)) for r in rows]
    return frame.columns, rows, floats, floats32


@pytest.mark.parametrize("snippet", SNIPPETS, ids=[s.id for s in SNIPPETS])
def test_exported_snippet_gives_python_polars_frame_on_spark(snippet, work_dir: Path, spark) -> None:
    expected_path = work_dir / "expected" / f"{snippet.id}.arrow"
    if not expected_path.exists():
        spark_tally.record(snippet.id, "oracle failed")
        pytest.skip("the snippet fails in Python Polars (see the differential suite)")
    refused = work_dir / "scripts" / f"{snippet.id}.refused.json"
    if refused.exists():
        record = json.loads(refused.read_text(encoding="utf-8"))
        spark_tally.record(snippet.id, "refused", record.get("construct", ""))
        pytest.skip(f"refused by the PySpark export: line {record.get('line')}: `{record.get('construct')}` {record.get('message')}")
    script = work_dir / "scripts" / f"{snippet.id}.py"
    start = time.perf_counter()
    module = spark_check.load_script(str(script), f"corpus_{snippet.id}")
    frames = {name: module.read_source(spark, name) for name in module.SOURCES}
    try:
        result = module.build_features(frames.pop(module.TARGET), **frames)
        actual = spark_check.rows_of(result)
    except Exception as error:
        spark_tally.record(snippet.id, "failed on Spark")
        raise AssertionError(f"the exported script fails on Spark: {type(error).__name__}: {str(error)[:1500]}") from None
    columns, rows, floats, floats32 = expected_rows(expected_path)
    differences = spark_check.compare(columns, rows, result.columns, actual, None, floats, floats32)
    spark_tally.record(snippet.id, "equal" if not differences else "different", seconds=time.perf_counter() - start)
    assert not differences, "\n".join(differences)
