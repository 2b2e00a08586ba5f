# frame: houses
# Luxury premium only where it applies (when/then without otherwise gives null).
import polars as pl

df = df.with_columns(
    pl.when((pl.col("price") > 1_000_000) & (pl.col("bathrooms") >= 3))
    .then(pl.col("price") * 0.05)
    .alias("luxury_tax")
)
