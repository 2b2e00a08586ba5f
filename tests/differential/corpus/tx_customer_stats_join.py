# frame: transactions
# Aggregate per customer, then join the statistics back onto each transaction.
import polars as pl

cust_stats = df.group_by("customer_id").agg(
    pl.len().alias("cust_tx_count"),
    pl.col("amount").sum().alias("cust_total"),
    pl.col("amount").max().alias("cust_max"),
    pl.col("quantity").mean().alias("cust_avg_qty"),
)
df = df.join(cust_stats, on="customer_id", how="left")
