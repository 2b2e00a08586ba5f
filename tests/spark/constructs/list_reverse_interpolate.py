# frame: sensors
# list.slice/head/tail edge cases and list.join, reverse of the whole frame, interpolate
# (linear on integers and floats, nearest) per device and over the whole frame.
import polars as pl

parts = pl.col("firmware").str.split(".")
df = df.sort("device_id", "reading_time").with_columns(
    parts.list.slice(-10, 2).list.join("|").alias("far_left"),
    parts.list.slice(1).list.join("|", ignore_nulls=False).alias("rest"),
    parts.list.slice(5, 3).list.len().alias("past_end"),
    parts.list.tail(2).list.join("").alias("tail2"),
    pl.col("battery").reverse().alias("battery_rev"),
    pl.col("temperature").reverse().over("device_id").alias("temp_rev"),
    pl.col("error_count").cast(pl.Int64).interpolate().over("device_id").alias("err_interp"),
    pl.col("humidity").interpolate().alias("hum_interp"),
    pl.col("pressure").interpolate(method="nearest").over("device_id").alias("p_nearest"),
    pl.col("battery").interpolate(method="nearest").alias("b_nearest"),
)
