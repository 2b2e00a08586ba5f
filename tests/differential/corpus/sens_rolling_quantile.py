# frame: sensors
# Rolling sum and variance of the pressure.
import polars as pl

df = df.sort("device_id", "reading_time").with_columns(
    pl.col("pressure").rolling_sum(4).over("device_id").alias("pressure_sum_4"),
    pl.col("pressure").rolling_var(4).over("device_id").alias("pressure_var_4"),
)
