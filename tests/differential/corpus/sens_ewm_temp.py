# frame: sensors
# Exponentially smoothed temperature and humidity per device.
import polars as pl

df = df.sort(["device_id", "reading_time"])
df = df.with_columns(
    pl.col("temperature").ewm_mean(half_life=3).over("device_id").alias("temp_ewm_hl3"),
    pl.col("humidity").ewm_mean(com=2.0, ignore_nulls=True).over("device_id").alias("hum_ewm_com2"),
)
