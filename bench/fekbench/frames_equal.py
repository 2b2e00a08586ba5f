# Whether two result frames are the same (the differential tests' rule: names, dtypes, values,
# floats to 1e-9 relative), after sorting by `id`; and a checksum to report beside the shape.

from __future__ import annotations

import hashlib
import json
import sys

import polars as pl

from .kernels import REPO

sys.path.insert(0, str(REPO / "tests" / "differential"))
from frame_compare import assert_same_frame, describe_difference  # noqa: E402


def compare(expected: pl.DataFrame, actual: pl.DataFrame) -> dict:
    expected, actual = expected.sort("id"), actual.sort("id")
    try:
        assert_same_frame(expected, actual)
        return {"equal": True, "difference": ""}
    except AssertionError as error:
        return {"equal": False, "difference": describe_difference(expected, actual) or str(error)[:500]}


def like(reference: pl.DataFrame, other: pl.DataFrame) -> pl.DataFrame:
    """`other` (e.g. from pandas) with `reference`'s column order and dtypes, where they cast."""
    missing = [c for c in reference.columns if c not in other.columns]
    if missing:
        return other
    return other.select([pl.col(c).cast(reference.schema[c], strict=False) for c in reference.columns])


def checksum(df: pl.DataFrame) -> dict:
    """Shape, and a digest of per-column sums (numbers and times to 9 significant digits; strings
    by their total length and distinct count), so equal frames from different tools match."""
    parts = {}
    for name, dtype in df.schema.items():
        column = df[name]
        if dtype.is_numeric() or dtype.is_temporal() or dtype == pl.Boolean:
            total = column.to_physical().cast(pl.Float64).fill_nan(None).sum()
            parts[name] = f"{float(total or 0.0):.9g}/{column.null_count()}"
        else:
            parts[name] = f"{column.cast(pl.String).str.len_bytes().sum()}/{column.n_unique()}/{column.null_count()}"
    digest = hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:12]
    return {"rows": df.height, "columns": df.width, "digest": digest}
