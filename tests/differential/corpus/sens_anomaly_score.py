# frame: sensors
# Anomaly score: absolute deviation from a rolling median, scaled.
import polars as pl

df = df.sort("device_id", "reading_time")
rolling_med = pl.col("temperature").rolling_median(7, min_samples=3).over("device_id")
df = df.with_columns(
    (pl.col("temperature") - rolling_med).abs().alias("temp_abs_dev"),
)
df = df.with_columns(
    (pl.col("temp_abs_dev") > 2.0).alias("temp_anomaly")
)
