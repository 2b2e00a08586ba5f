# frame: transactions
# source: github:drumtorben/polars-ts/polars_ts/features/advanced.py (time_embeddings)
# construct: def, dict_of_tuples, lambda, tuple_unpacking, numpy, sin, cos, loop
# Cyclical sin/cos encodings of hour, weekday and month.
import numpy as np
import polars as pl


def time_embeddings(df, time_col="ds", components=None):
    if components is None:
        components = ["hour", "day_of_week", "month"]
    _periods = {
        "hour": (lambda c: c.dt.hour(), 24.0),
        "day_of_week": (lambda c: c.dt.weekday(), 7.0),
        "month": (lambda c: c.dt.month(), 12.0),
    }
    result = df
    col = pl.col(time_col)
    for comp in components:
        extractor, period = _periods[comp]
        val = extractor(col).cast(pl.Float64)
        angle = 2 * np.pi * val / period
        result = result.with_columns(
            angle.sin().alias(f"{comp}_sin"),
            angle.cos().alias(f"{comp}_cos"),
        )
    return result


df = time_embeddings(df, time_col="ts")
