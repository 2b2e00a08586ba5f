# frame: sales
# source: https://docs.pola.rs/user-guide/expressions/basic-operations/ (user-guide/expressions/operations.py, "bitwise")
# construct: select, bitwise
# Bitwise and/or/not/xor on an integer column.
import polars as pl

df = df.select(
    pl.col("units"),
    (pl.col("units") & 6).alias("units & 6"),
    (pl.col("units") | 6).alias("units | 6"),
    (~pl.col("units")).alias("not units"),
    (pl.col("units") ^ 6).alias("units ^ 6"),
)
