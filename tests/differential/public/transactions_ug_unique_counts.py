# frame: transactions
# source: https://docs.pola.rs/user-guide/expressions/basic-operations/ (user-guide/expressions/operations.py, "unique_counts")
# construct: select, unique, unique_counts
# Distinct merchants in order of appearance with how often each occurs.
import polars as pl

df = df.select(
    pl.col("merchant").unique(maintain_order=True).alias("unique"),
    pl.col("merchant").unique_counts().alias("unique_counts"),
)
