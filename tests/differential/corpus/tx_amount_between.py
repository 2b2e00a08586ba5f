# frame: transactions
# Typical-range flag with is_between.
import polars as pl

df = df.with_columns(
    pl.col("amount").is_between(10, 100).alias("amount_typical"),
    pl.col("quantity").is_between(2, 5, closed="left").alias("qty_mid"),
)
