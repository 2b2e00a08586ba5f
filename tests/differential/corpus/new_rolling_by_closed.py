# frame: sales
# Rolling sums over the previous days only (closed="left") and a rolling mean, per store.
import polars as pl

df = df.sort("store_id", "date").with_columns(
    pl.col("units").rolling_sum_by("date", "3d", closed="left").over("store_id").alias("units_prev_3d"),
    pl.col("revenue").rolling_mean_by("date", "7d").over("store_id").alias("revenue_mean_7d"),
    pl.col("units").rolling_max_by("date", "5d", min_samples=2).over("store_id").alias("units_max_5d"),
)
