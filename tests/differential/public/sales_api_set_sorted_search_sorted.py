# frame: sales
# source: https://docs.pola.rs/api/python/stable/reference/expressions/api/polars.Expr.set_sorted.html + Expr.search_sorted.html (docstring examples); adapted: Polars 2.1 refuses a Python list in search_sorted: pl.Series([...]) as it asks
# construct: set_sorted, search_sorted, side, cum_sum, filter
# Declare a column sorted, then find where running totals cross thresholds.
import polars as pl

df = df.filter(pl.col("store_id") == 2).with_columns(pl.col("units").fill_null(0).cum_sum().alias("cum_units"))
df = df.with_columns(pl.col("cum_units").set_sorted())
single = df.select(
    pl.col("cum_units").search_sorted(500, side="left").alias("day_500"),
    pl.col("cum_units").search_sorted(1000, side="right").alias("day_1000"),
)
many = df.select(pl.col("cum_units").search_sorted(pl.Series([1000, 1500, 2000]), side="right").alias("days"))
df = many.join(single, how="cross")
