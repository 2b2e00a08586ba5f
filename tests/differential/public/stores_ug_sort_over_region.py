# frame: stores
# source: https://docs.pola.rs/user-guide/expressions/window-functions/ (user-guide/expressions/window.py, "athletes-sort-over-country")
# construct: select, sort_by, over
# Sort city and size by size inside each region, keeping each region's row positions.
import polars as pl

df = df.select(
    pl.col("city", "size_sqft").sort_by(pl.col("size_sqft")).over(pl.col("region")),
    pl.col("region"),
)
