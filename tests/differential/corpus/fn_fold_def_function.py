# frame: sales
# A fold whose function is a `def` of the cell, and another that returns a given dtype.
import polars as pl


def add_clipped(acc, x):
    return acc + x.clip(0, 100)


df = df.with_columns(
    pl.fold(pl.lit(0), add_clipped, [pl.col("units"), pl.col("returns")]).alias("clipped"),
    pl.fold(pl.lit(0.0), lambda a, x: a + x, [pl.col("units"), pl.col("revenue")], return_dtype=pl.Float64).alias("mixed"),
)
