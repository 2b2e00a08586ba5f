# frame: stores
# source: https://docs.pola.rs/user-guide/expressions/window-functions/ (user-guide/expressions/window.py, "athletes-explode")
# construct: select, sort_by, over, mapping_strategy
# All columns sorted by store size within region, regions laid out one after the other.
import polars as pl

df = df.select(
    pl.all()
    .sort_by(pl.col("size_sqft"))
    .over(pl.col("region"), mapping_strategy="explode"),
)
