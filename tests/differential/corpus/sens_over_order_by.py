# frame: sensors
# Lagged readings with over(order_by=...), without sorting the frame.
import polars as pl

df = df.with_columns(
    pl.col("temperature").shift(1).over("device_id", order_by="reading_time").alias("temp_lag1"),
    pl.col("temperature").shift(2).over("device_id", order_by="reading_time").alias("temp_lag2"),
)
