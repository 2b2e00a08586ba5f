# frame: sensors
# Rolling temperature statistics per device over the last 5 readings.
import polars as pl

df = df.sort("device_id", "reading_time")
df = df.with_columns(
    pl.col("temperature").rolling_mean(5).over("device_id").alias("temp_roll_mean_5"),
    pl.col("temperature").rolling_std(5).over("device_id").alias("temp_roll_std_5"),
    pl.col("temperature").rolling_min(5, min_samples=2).over("device_id").alias("temp_roll_min_5"),
)
