# frame: sensors
# Device-level statistics joined back to each reading.
import polars as pl

device_stats = df.group_by("device_id").agg(
    pl.col("temperature").mean().alias("dev_temp_mean"),
    pl.col("temperature").std().alias("dev_temp_std"),
    pl.col("temperature").quantile(0.95).alias("dev_temp_p95"),
    pl.col("error_count").max().alias("dev_max_errors"),
    pl.col("reading_time").min().alias("dev_first_seen"),
)
df = df.join(device_stats, on="device_id", how="left")
df = df.with_columns(
    (pl.col("temperature") > pl.col("dev_temp_p95")).alias("temp_above_p95"),
    (pl.col("reading_time") - pl.col("dev_first_seen")).dt.total_hours().alias("hours_since_first"),
)
