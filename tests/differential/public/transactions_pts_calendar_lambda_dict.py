# frame: transactions
# source: github:drumtorben/polars-ts/polars_ts/features/calendar.py (calendar_features)
# construct: def, dict_of_lambdas, raise, comprehension, dt, cast
# Calendar features of a datetime picked from a dict of lambdas.
from typing import Callable

import polars as pl

_EXTRACTORS: dict[str, Callable[[pl.Expr], pl.Expr]] = {
    "day_of_week": lambda c: c.dt.weekday().alias("day_of_week"),
    "day_of_month": lambda c: c.dt.day().alias("day_of_month"),
    "day_of_year": lambda c: c.dt.ordinal_day().alias("day_of_year"),
    "week": lambda c: c.dt.week().alias("week"),
    "month": lambda c: c.dt.month().alias("month"),
    "quarter": lambda c: c.dt.quarter().alias("quarter"),
    "hour": lambda c: c.dt.hour().alias("hour"),
    "is_weekend": lambda c: (c.dt.weekday() >= 6).cast(pl.Int8).alias("is_weekend"),
}


def calendar_features(df, features=None, time_col="ds"):
    if features is None:
        features = list(_EXTRACTORS)
    for f in features:
        if f not in _EXTRACTORS:
            raise ValueError(f"Unknown calendar feature {f!r}. Choose from {sorted(_EXTRACTORS)}")
    col = pl.col(time_col)
    exprs = [_EXTRACTORS[f](col) for f in features]
    return df.with_columns(exprs)


df = calendar_features(df, time_col="ts")
