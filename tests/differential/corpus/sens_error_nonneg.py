# frame: sensors
# Error counts below zero are sensor glitches: set them to null, count glitches.
import polars as pl

df = df.with_columns(
    pl.when(pl.col("error_count") < 0).then(None).otherwise(pl.col("error_count")).alias("error_clean"),
    (pl.col("error_count") < 0).sum().over("device_id").alias("glitches_on_device"),
)
