# frame: houses
# The ten most expensive houses per the top_k method, and the cheapest via bottom_k.
import polars as pl

df = df.with_columns(
    (pl.col("price") >= pl.col("price").top_k(10).min()).alias("top10_price"),
    (pl.col("price") <= pl.col("price").bottom_k(10).max()).alias("bottom10_price"),
)
