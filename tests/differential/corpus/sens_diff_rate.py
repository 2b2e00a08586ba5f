# frame: sensors
# Temperature change per minute between consecutive readings.
import polars as pl

df = df.sort("device_id", "reading_time").with_columns(
    pl.col("temperature").diff().over("device_id").alias("temp_delta"),
    (pl.col("reading_time").diff().dt.total_minutes()).over("device_id").alias("minutes_since_prev"),
)
df = df.with_columns((pl.col("temp_delta") / pl.col("minutes_since_prev")).alias("temp_rate_per_min"))
