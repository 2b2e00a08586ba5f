# frame: sensors
# Fill NaN temperature with null, then interpolate within each device.
import polars as pl

df = df.sort("device_id", "reading_time").with_columns(
    pl.col("temperature").fill_nan(None).interpolate().over("device_id").alias("temp_interp")
)
