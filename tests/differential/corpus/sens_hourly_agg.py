# frame: sensors
# Hourly mean per device using truncate + group_by.
import polars as pl

df = (
    df.with_columns(pl.col("reading_time").dt.truncate("1h").alias("hour"))
    .group_by("device_id", "hour")
    .agg(
        pl.col("temperature").mean().alias("temp_mean"),
        pl.col("humidity").max().alias("hum_max"),
        pl.len().alias("n_readings"),
    )
    .sort("device_id", "hour")
)
