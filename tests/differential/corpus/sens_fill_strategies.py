# frame: sensors
# Fill humidity by several strategies.
import polars as pl

df = df.with_columns(
    pl.col("humidity").fill_null(strategy="forward").alias("hum_ffill"),
    pl.col("humidity").fill_null(strategy="backward").alias("hum_bfill"),
    pl.col("humidity").fill_null(strategy="mean").alias("hum_mean_fill"),
    pl.col("humidity").fill_null(strategy="zero").alias("hum_zero_fill"),
    pl.col("humidity").fill_null(strategy="forward", limit=2).alias("hum_ffill2"),
)
