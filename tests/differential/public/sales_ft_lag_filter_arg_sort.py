# frame: sales
# source: github:functime-org/functime/functime/preprocessing.py (lag)
# construct: generator, shift, over, exclude, name, set_sorted, filter, arg_sort
# Lags of every value column per store; the first rows of each store (without full lags) dropped.
import polars as pl

entity_col, time_col = df.columns[:2]
lags = [1, 2, 7]
max_lag = max(lags)
lagged_series = (
    (
        pl.all()
        .exclude([entity_col, time_col])
        .shift(lag)
        .over(entity_col)
        .name.suffix(f"__lag_{lag}")
    )
    for lag in lags
)
X_new = df.sort(by=[entity_col, time_col])
df = X_new.select(
    pl.col(entity_col).set_sorted(),
    pl.col(time_col).set_sorted(),
    *lagged_series,
).filter(pl.col(time_col).arg_sort().over(entity_col) >= max_lag)
