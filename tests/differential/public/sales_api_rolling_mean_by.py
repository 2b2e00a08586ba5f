# frame: sales
# source: https://docs.pola.rs/api/python/stable/reference/expressions/api/polars.Expr.rolling_mean_by.html (docstring example)
# construct: with_columns, rolling_by, window_size, closed, over
# Time-based rolling means and sums of units over the last 7 days, per store.
import polars as pl

df = df.with_columns(
    units_mean_7d=pl.col("units").rolling_mean_by("date", window_size="7d").over("store_id"),
    units_sum_7d_excl=pl.col("units").rolling_sum_by("date", window_size="7d", closed="left").over("store_id"),
    units_max_14d=pl.col("units").rolling_max_by("date", window_size="14d").over("store_id"),
)
