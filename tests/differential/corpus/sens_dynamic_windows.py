# frame: sensors
# Six-hourly windows per device with group_by_dynamic.
import polars as pl

df = (
    df.sort("reading_time")
    .group_by_dynamic("reading_time", every="6h", group_by="device_id")
    .agg(
        pl.col("temperature").mean().alias("temp_6h"),
        pl.col("error_count").sum().alias("errors_6h"),
    )
    .sort("device_id", "reading_time")
)
