# frame: houses
# Lot size buckets from explicit quantile probabilities.
import polars as pl

df = df.with_columns(
    pl.col("lot_size").qcut([0.25, 0.5, 0.75]).alias("lot_bucket"),
    pl.col("year_built").qcut([0.2, 0.8], labels=["old", "mid", "new"]).alias("age_group"),
)
