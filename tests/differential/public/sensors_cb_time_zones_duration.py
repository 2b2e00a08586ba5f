# frame: sensors
# source: github:PacktPublishing/Polars-Cookbook/Chapter09/ch09.ipynb (time_zones_lf, pl.duration(weeks=5), pl.duration(milliseconds=5))
# construct: select, dt, time_zone, duration
# Replace vs convert time zone, and arithmetic with durations.
import polars as pl

df = df.select(
    "reading_time",
    pl.col("reading_time").dt.replace_time_zone("America/Toronto").alias("replaced_time_zone_toronto"),
    pl.col("reading_time").dt.replace_time_zone("UTC").dt.convert_time_zone("America/Toronto").alias("converted_time_zone_toronto"),
    (pl.col("reading_time") - pl.duration(weeks=5)).alias("minus_5weeks"),
    (pl.col("reading_time") + pl.duration(milliseconds=5)).alias("plus_5ms"),
)
