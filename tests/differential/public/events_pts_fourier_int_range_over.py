# frame: events
# source: github:drumtorben/polars-ts/polars_ts/features/fourier.py (fourier_features)
# construct: def, raise, int_range, len, over, math, loop, sin, cos
# Weekly Fourier sin/cos pairs from a within-user row index.
import math

import polars as pl


def fourier_features(df, period, n_harmonics=1, time_col="ds", id_col="unique_id"):
    if period <= 0:
        raise ValueError("period must be positive")
    period = float(period)
    sorted_df = df.sort(id_col, time_col)
    t = pl.int_range(pl.len()).over(id_col).cast(pl.Float64)
    exprs: list[pl.Expr] = []
    for k in range(1, n_harmonics + 1):
        angle = 2 * math.pi * k * t / period
        exprs.append(angle.sin().alias(f"fourier_sin_{period}_{k}"))
        exprs.append(angle.cos().alias(f"fourier_cos_{period}_{k}"))
    return sorted_df.with_columns(exprs)


df = fourier_features(df.select("user_id", "day", "value"), 7, n_harmonics=2, time_col="day", id_col="user_id")
