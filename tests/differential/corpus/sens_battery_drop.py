# frame: sensors
# Battery drop since the first reading, with first().over().
import polars as pl

df = df.sort("device_id", "reading_time").with_columns(
    (pl.col("battery").first().over("device_id").cast(pl.Int16) - pl.col("battery").cast(pl.Int16)).alias("battery_drop"),
    pl.col("battery").last().over("device_id").alias("battery_last"),
)
