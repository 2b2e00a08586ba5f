# frame: transactions
# Winsorize the amount at the 1st and 99th percentiles.
import polars as pl

lo = df["amount"].quantile(0.01)
hi = df["amount"].quantile(0.99)
df = df.with_columns(pl.col("amount").clip(lo, hi).alias("amount_winsorized"))
