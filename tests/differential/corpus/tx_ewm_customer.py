# frame: transactions
# Exponentially weighted mean amount per customer.
import polars as pl

df = df.sort("customer_id", "tx_id").with_columns(
    pl.col("amount").fill_nan(None).ewm_mean(alpha=0.3).over("customer_id").alias("amount_ewm"),
    pl.col("amount").fill_nan(None).ewm_mean(span=5, adjust=False).over("customer_id").alias("amount_ewm_span5"),
)
