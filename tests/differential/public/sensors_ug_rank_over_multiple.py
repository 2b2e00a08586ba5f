# frame: sensors
# source: https://docs.pola.rs/user-guide/expressions/window-functions/ (user-guide/expressions/window.py, "rank-multiple")
# construct: select, rank, over
# Dense rank of the temperature within each (device, firmware) pair.
import polars as pl

df = df.select(
    pl.col("device_id", "firmware", "status"),
    pl.col("temperature")
    .rank("dense", descending=True)
    .over("device_id", "firmware")
    .alias("Temperature rank"),
)
