# frame: sensors
# source: https://docs.pola.rs/user-guide/expressions/window-functions/ (user-guide/expressions/window.py, "rank")
# construct: select, rank, over
# Dense rank of the temperature within each device, highest first.
import polars as pl

df = df.select(
    pl.col("device_id", "status"),
    pl.col("temperature").rank("dense", descending=True).over("device_id").alias("Temperature rank"),
)
