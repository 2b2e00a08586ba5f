# frame: transactions
# Percent change of amount between consecutive transactions of a customer.
import polars as pl

df = df.sort("customer_id", "tx_id").with_columns(
    pl.col("amount").pct_change().over("customer_id").alias("amount_pct_change")
)
