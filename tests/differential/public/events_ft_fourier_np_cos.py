# frame: events
# source: github:functime-org/functime/functime/seasonality/fourier.py (add_fourier_terms)
# construct: numpy, ufunc_on_expr, comprehension, arg_sort, mod, over, select
# Fourier terms of a weekly season from a per-user time index (np.cos/np.sin on expressions).
import numpy as np
import polars as pl

sp, K = 7, 2
X = df.select("user_id", "day", "value")
_cols = X.columns
entity_col, time_col = _cols[:2]
cos_terms = [
    np.cos(2 * np.pi * k * pl.col("fourier_coef")).alias(f"cos_{sp}_{k}")
    for k in range(1, K + 1)
]
sin_terms = [
    np.sin(2 * np.pi * k * pl.col("fourier_coef")).alias(f"sin_{sp}_{k}")
    for k in range(1, K + 1)
]
df = X.with_columns(
    (pl.col(time_col).arg_sort().mod(sp).over(entity_col) / sp).alias("fourier_coef")
).select([*_cols, *cos_terms, *sin_terms])
