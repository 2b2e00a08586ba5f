# frame: transactions
# The 50 largest transactions, largest first.
import polars as pl

df = df.filter(pl.col("amount").is_not_nan()).sort("amount", descending=True, nulls_last=True).head(50)
