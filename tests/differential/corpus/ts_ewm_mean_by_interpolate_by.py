# frame: sensors
# Irregular readings: a time-weighted exponential mean (ewm_mean_by with a half life) and
# interpolation against the reading time (interpolate_by), per device.
from datetime import timedelta
import polars as pl

df = df.sort("device_id", "reading_time").with_columns(
    pl.col("pressure").ewm_mean_by("reading_time", half_life="2h").over("device_id").alias("pressure_ewm_2h"),
    pl.col("battery").cast(pl.Float64).ewm_mean_by(pl.col("reading_time"), half_life=timedelta(minutes=90)).over("device_id").alias("battery_ewm"),
    pl.col("humidity").interpolate_by("reading_time").over("device_id").alias("humidity_interp"),
)
