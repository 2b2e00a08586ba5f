# frame: sensors
# Cumulative error count and cumulative max temperature per device.
import polars as pl

df = df.sort("device_id", "reading_time").with_columns(
    pl.col("error_count").cum_sum().over("device_id").alias("errors_cum"),
    pl.col("temperature").cum_max().over("device_id").alias("temp_cum_max"),
    pl.col("battery").cum_min().over("device_id").alias("battery_cum_min"),
)
