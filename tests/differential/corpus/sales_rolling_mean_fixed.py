# frame: sales
# Centered rolling mean of units and a weighted rolling mean of returns.
import polars as pl

df = df.sort("store_id", "date").with_columns(
    pl.col("units").rolling_mean(3, center=True).over("store_id").alias("units_centered_3"),
    pl.col("returns").rolling_mean(3, weights=[0.2, 0.3, 0.5]).over("store_id").alias("returns_weighted_3"),
)
