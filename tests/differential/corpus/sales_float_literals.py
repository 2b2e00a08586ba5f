# frame: sales
# Float literal arithmetic on integer columns and Float32-like results.
import polars as pl

df = df.with_columns(
    (pl.col("units") * 1.5).alias("units_x1_5"),
    (pl.col("returns") * 0.5).alias("returns_half"),
    (pl.col("revenue") - 0.01).alias("revenue_minus_cent"),
    (10 - pl.col("returns")).alias("ten_minus_returns"),
    (100.0 / pl.col("units")).alias("hundred_per_unit"),
)
