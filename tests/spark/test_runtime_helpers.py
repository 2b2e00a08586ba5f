# The helpers every PySpark script defines (lang/src/spark/runtime.py), each against the Python
# Polars expression it stands for, on values where Spark's own function differs.

from __future__ import annotations

import math
import re
from pathlib import Path

import polars as pl
import pytest
from pyspark.sql import Window
from pyspark.sql import functions as F
from pyspark.sql import types as T

import spark_check

RUNTIME = Path(__file__).resolve().parents[2] / "lang" / "src" / "spark" / "runtime.py"
HELPERS: dict = {"F": F, "T": T, "Window": Window, "re": re, "math": math}
exec(compile(RUNTIME.read_text(encoding="utf-8"), str(RUNTIME), "exec"), HELPERS)  # the scripts' own prelude (definitions only)

DATA = {
    "a": [7, -7, 7, -7, 0, None, 5],
    "b": [3, 3, -3, -3, 0, 2, None],
    "x": [2.5, -2.5, 0.0, 1.5, float("nan"), None, 2.675],
    "s": ["  hello ", "héllo wörld", "", None, "-12", "abc", "x"],
}


@pytest.fixture(scope="module")
def frames(spark):
    schema = "a bigint, b bigint, x double, s string"
    rows = list(zip(*DATA.values()))
    return pl.DataFrame(DATA, schema={"a": pl.Int64, "b": pl.Int64, "x": pl.Float64, "s": pl.String}), spark.createDataFrame(rows, schema)


CASES = [
    ("a / b", pl.col("a") / pl.col("b"), lambda: HELPERS["fe_div"](F.col("a"), F.col("b"))),
    ("a // b", pl.col("a") // pl.col("b"), lambda: HELPERS["fe_floordiv_int"](F.col("a"), F.col("b"))),
    ("a % b", pl.col("a") % pl.col("b"), lambda: HELPERS["fe_mod_int"](F.col("a"), F.col("b"))),
    ("x % 1.5", pl.col("x") % 1.5, lambda: HELPERS["fe_mod_float"](F.col("x"), F.lit(1.5))),
    ("log", pl.col("a").log(), lambda: HELPERS["fe_log"](F.col("a"), math.e)),
    ("log1p", (pl.col("b") - 4).log1p(), lambda: HELPERS["fe_log1p"](F.col("b") - 4)),
    ("is_nan", pl.col("x").is_nan(), lambda: HELPERS["fe_is_nan"](F.col("x"))),
    ("round", pl.col("x").round(0), lambda: F.bround(F.col("x"), 0)),
    ("round 2", pl.col("x").round(2), lambda: F.bround(F.col("x"), 2)),
    ("floor", pl.col("x").floor(), lambda: HELPERS["fe_floor"](F.col("x"))),
    ("slice 1,3", pl.col("s").str.slice(1, 3), lambda: HELPERS["fe_str_slice"](F.col("s"), 1, 3)),
    ("slice -4", pl.col("s").str.slice(-4), lambda: HELPERS["fe_str_slice"](F.col("s"), -4, None)),
    ("slice -10,2", pl.col("s").str.slice(-10, 2), lambda: HELPERS["fe_str_slice"](F.col("s"), -10, 2)),
    ("head -2", pl.col("s").str.head(-2), lambda: HELPERS["fe_str_head"](F.col("s"), -2)),
    ("tail 3", pl.col("s").str.tail(3), lambda: HELPERS["fe_str_tail"](F.col("s"), 3)),
    ("pad_start", pl.col("s").str.pad_start(4, "*"), lambda: HELPERS["fe_pad_start"](F.col("s"), 4, "*")),
    ("zfill", pl.col("s").str.zfill(5), lambda: HELPERS["fe_zfill"](F.col("s"), 5)),
    ("strip", pl.col("s").str.strip_chars(), lambda: HELPERS["fe_strip"](F.col("s"), None)),
    ("strip l", pl.col("s").str.strip_chars("lo "), lambda: HELPERS["fe_strip"](F.col("s"), "lo ")),
    ("replace first", pl.col("s").str.replace("l", "L", literal=True), lambda: HELPERS["fe_replace_first_literal"](F.col("s"), "l", "L")),
    ("extract", pl.col("s").str.extract(r"(\w)l", 1), lambda: HELPERS["fe_extract"](F.col("s"), r"(\w)l", 1)),
    ("strip_prefix", pl.col("s").str.strip_prefix("-"), lambda: HELPERS["fe_strip_prefix"](F.col("s"), "-")),
    ("strip_suffix", pl.col("s").str.strip_suffix("o "), lambda: HELPERS["fe_strip_suffix"](F.col("s"), "o ")),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_helper_gives_python_polars_value(frames, case):
    polars_frame, spark_frame = frames
    _, polars_expr, spark_expr = case
    expected = polars_frame.select(polars_expr.alias("v"))["v"].to_list()
    ordered = HELPERS["fe_with_order"](spark_frame)
    actual = [r[0] for r in ordered.orderBy("_fe_ord").select(spark_expr().alias("v")).collect()]
    differences = spark_check.compare(["v"], [(v,) for v in expected], ["v"], [(v,) for v in actual], key=None, float_columns=["v"])
    assert expected == actual or not differences, (expected, actual)
    assert len(expected) == len(actual)
    for e, a in zip(expected, actual):
        assert spark_check.same_value(e, a), (expected, actual)


def test_rank_average_ignores_nulls_like_polars(spark):
    values = [3.0, 1.0, None, 3.0, 2.0, 1.0]
    expected = pl.DataFrame({"v": values}).select(pl.col("v").rank())["v"].to_list()
    frame = HELPERS["fe_with_order"](spark.createDataFrame([(v,) for v in values], "v double"))
    ranked = frame.select(HELPERS["fe_rank"](F.col("v"), "average", False, []).alias("r"), "_fe_ord")
    actual = [r[0] for r in ranked.orderBy("_fe_ord").select("r").collect()]
    assert expected == actual
