# frame: sensors
# Number of readings per device and day, as a window count.
import polars as pl

df = df.with_columns(
    pl.len().over("device_id", pl.col("reading_time").dt.date()).alias("readings_that_day")
)
