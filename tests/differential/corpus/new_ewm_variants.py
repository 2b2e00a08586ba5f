# frame: sales
# Exponentially weighted features per store with com, span and half_life.
import polars as pl

df = df.sort("store_id", "date").with_columns(
    pl.col("units").ewm_mean(com=3).over("store_id").alias("units_ewm_com3"),
    pl.col("revenue").ewm_mean(span=7, adjust=False).over("store_id").alias("revenue_ewm_span7"),
    pl.col("units").ewm_mean(half_life=5, min_samples=3).over("store_id").alias("units_ewm_hl5"),
    pl.col("revenue").ewm_std(alpha=0.3).over("store_id").alias("revenue_ewm_std"),
)
