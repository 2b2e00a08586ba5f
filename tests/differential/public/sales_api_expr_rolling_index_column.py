# frame: sales
# source: https://docs.pola.rs/api/python/stable/reference/expressions/api/polars.Expr.rolling.html (docstring example)
# construct: with_columns, kwargs, expr_rolling, index_column, period, pl_sum, pl_min, pl_max
# Sums, minima and maxima over the last 3 days of one store, as expressions with .rolling().
import polars as pl

df = df.filter(pl.col("store_id") == 7).with_columns(pl.col("date").set_sorted())
df = df.with_columns(
    sum_a=pl.sum("units").rolling(index_column="date", period="3d"),
    min_a=pl.min("units").rolling(index_column="date", period="3d"),
    max_a=pl.max("units").rolling(index_column="date", period="3d"),
)
