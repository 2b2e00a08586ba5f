# frame: transactions
# Flag transactions above the 90th percentile of amount.
import polars as pl

threshold = df["amount"].quantile(0.9)
df = df.with_columns((pl.col("amount") > threshold).alias("is_high_value"))
