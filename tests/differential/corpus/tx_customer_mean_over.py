# frame: transactions
# Per-customer average amount and the deviation of each transaction from it.
import polars as pl

df = df.with_columns(
    pl.col("amount").mean().over("customer_id").alias("cust_mean_amount"),
)
df = df.with_columns(
    (pl.col("amount") - pl.col("cust_mean_amount")).alias("amount_vs_cust_mean")
)
