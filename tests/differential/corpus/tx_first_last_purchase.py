# frame: transactions
# First and last purchase time per customer, and position of the transaction between them.
import polars as pl

first_ts = pl.col("ts").min().over("customer_id")
last_ts = pl.col("ts").max().over("customer_id")
df = df.with_columns(
    first_ts.alias("first_purchase"),
    last_ts.alias("last_purchase"),
    ((pl.col("ts") - first_ts).dt.total_days()).alias("days_since_first"),
)
