# frame: sensors
# Rounded versions of the raw signals.
import polars as pl

df = df.with_columns(
    pl.col("temperature").round(1).alias("temp_r1"),
    pl.col("pressure").round(0).alias("pressure_r0"),
    pl.col("humidity").floor().alias("hum_floor"),
    pl.col("humidity").ceil().alias("hum_ceil"),
)
