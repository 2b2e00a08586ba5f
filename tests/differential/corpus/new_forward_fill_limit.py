# frame: sensors
# Gap filling: forward fill with a limit, backward fill, and interpolation, per device.
import polars as pl

df = df.sort("device_id", "reading_time").with_columns(
    pl.col("temperature").forward_fill(limit=2).over("device_id").alias("temp_ffill2"),
    pl.col("humidity").backward_fill().over("device_id").alias("humidity_bfill"),
    pl.col("pressure").interpolate().over("device_id").alias("pressure_interp"),
)
