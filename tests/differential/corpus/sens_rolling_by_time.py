# frame: sensors
# Time-based rolling mean of temperature (2 hours) per device.
import polars as pl

df = df.sort("device_id", "reading_time").with_columns(
    pl.col("temperature")
    .rolling_mean_by("reading_time", window_size="2h")
    .over("device_id")
    .alias("temp_mean_2h"),
    pl.col("pressure")
    .rolling_max_by("reading_time", window_size="6h", closed="both")
    .over("device_id")
    .alias("pressure_max_6h"),
)
