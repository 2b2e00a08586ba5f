# frame: sales
# pl.cum_reduce: the running totals start from the first column.
import polars as pl

df = df.select(
    "store_id",
    "date",
    pl.cum_reduce(lambda a, b: a + b, [pl.col("units"), pl.col("returns"), pl.col("revenue")]).alias("running"),
).with_columns(pl.col("running").struct.field("revenue").alias("grand_total"))
