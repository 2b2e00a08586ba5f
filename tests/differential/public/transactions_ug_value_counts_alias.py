# frame: transactions
# source: https://docs.pola.rs/user-guide/expressions/basic-operations/ (user-guide/expressions/operations.py, "value_counts")
# construct: select, value_counts
# order: any
# Value counts of the category as a struct column (unsorted).
import polars as pl

df = df.select(
    pl.col("category").value_counts().alias("value_counts"),
)
