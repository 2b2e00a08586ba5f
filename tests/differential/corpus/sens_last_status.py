# frame: sensors
# Last known (non-null) status per device, as of each reading.
import polars as pl

df = df.sort("device_id", "reading_time").with_columns(
    pl.col("status").forward_fill().over("device_id").alias("last_known_status")
)
