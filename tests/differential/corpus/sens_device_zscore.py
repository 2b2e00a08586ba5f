# frame: sensors
# z-score of pressure within each device.
import polars as pl

df = df.with_columns(
    ((pl.col("pressure") - pl.col("pressure").mean().over("device_id"))
     / pl.col("pressure").std().over("device_id")).alias("pressure_z")
)
