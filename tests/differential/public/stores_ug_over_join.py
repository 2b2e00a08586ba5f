# frame: stores
# source: https://docs.pola.rs/user-guide/expressions/window-functions/ (user-guide/expressions/window.py, "athletes-join")
# construct: with_columns, sort, over, mapping_strategy, list
# The sorted sizes of each store's region, as a list on every row.
import polars as pl

df = df.with_columns(
    pl.col("size_sqft").sort().over(pl.col("region"), mapping_strategy="join"),
)
