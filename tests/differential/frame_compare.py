# How the differential tests decide that two frames are the same (rows in order, or as a
# multiset for snippets whose row order Polars leaves open), and how a difference is described.

from __future__ import annotations

import polars as pl
from polars.testing import assert_frame_equal

FLOAT_REL_TOL = 1e-9
# Sums that cancel to (almost) zero differ only by rounding noise; 1e-12 absolute lets those through.
FLOAT_ABS_TOL = 1e-12


def assert_same_frame(expected: pl.DataFrame, actual: pl.DataFrame) -> None:
    """Names and order of columns, dtypes, row order and values; floats to 1e-9 relative."""
    assert_frame_equal(
        expected,
        actual,
        check_row_order=True,
        check_column_order=True,
        check_dtypes=True,
        rel_tol=FLOAT_REL_TOL,
        abs_tol=FLOAT_ABS_TOL,
        categorical_as_str=True,
    )


def in_canonical_order(frame: pl.DataFrame) -> pl.DataFrame:
    """The rows sorted by every column (Categorical as text), for snippets with `# order: any`.

    Both sides are sorted the same way, so equal multisets of rows compare equal in order.
    """
    if frame.width == 0 or frame.height < 2:
        return frame
    keys = [
        pl.col(name).cast(pl.String) if dtype == pl.Categorical else pl.col(name)
        for name, dtype in frame.schema.items()
    ]
    try:
        return frame.sort(keys, nulls_last=True, maintain_order=True)
    except pl.exceptions.PolarsError:
        # A column that cannot be a sort key: sort by the text of every value instead.
        text = [pl.Series([repr(v) for v in frame[name].to_list()], dtype=pl.String) for name in frame.columns]
        return frame.sort(text, nulls_last=True, maintain_order=True)


def comparable_pair(expected: pl.DataFrame, actual: pl.DataFrame, order_any: bool) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The two frames as compared: in canonical row order for a snippet with `# order: any`."""
    if order_any:
        return in_canonical_order(expected), in_canonical_order(actual)
    return expected, actual


def _as_comparable(series: pl.Series) -> pl.Series:
    if series.dtype == pl.Categorical:
        return series.cast(pl.String)
    return series


def describe_difference(expected: pl.DataFrame, actual: pl.DataFrame) -> str:
    """The first difference found, for humans (empty when the frames are the same)."""
    if expected.columns != actual.columns:
        missing = [c for c in expected.columns if c not in actual.columns]
        extra = [c for c in actual.columns if c not in expected.columns]
        if missing or extra:
            return f"columns differ: missing {missing}, unexpected {extra}"
        return f"column order differs: expected {expected.columns}, got {actual.columns}"
    dtypes = [
        f"{c}: {e} vs {a}"
        for c, e, a in zip(expected.columns, expected.dtypes, actual.dtypes)
        if e != a
    ]
    if dtypes:
        return "dtypes differ (python vs rust): " + "; ".join(dtypes)
    if expected.height != actual.height:
        return f"row count differs: python {expected.height}, rust {actual.height}"
    for column in expected.columns:
        e, a = _as_comparable(expected[column]), _as_comparable(actual[column])
        try:
            assert_frame_equal(
                e.to_frame(), a.to_frame(), rel_tol=FLOAT_REL_TOL, abs_tol=FLOAT_ABS_TOL
            )
        except AssertionError:
            for i, (x, y) in enumerate(zip(e.to_list(), a.to_list())):
                if x != y and not (isinstance(x, float) and isinstance(y, float) and x != x and y != y):
                    if isinstance(x, float) and isinstance(y, float) and abs(x - y) <= FLOAT_ABS_TOL + FLOAT_REL_TOL * abs(x):
                        continue
                    n_diff = sum(1 for p, q in zip(e.to_list(), a.to_list()) if p != q and not (p != p and q != q))
                    return f"values differ in `{column}` ({n_diff} rows); first at row {i}: python {x!r}, rust {y!r}"
            return f"values differ in `{column}`"
    return ""
