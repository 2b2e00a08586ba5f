# frame: transactions
# Running spend and transaction count per customer in time order.
import polars as pl

df = df.sort(["customer_id", "ts"], nulls_last=True)
df = df.with_columns(
    pl.col("amount").fill_nan(0).fill_null(0).cum_sum().over("customer_id").alias("running_spend"),
    pl.col("tx_id").cum_count().over("customer_id").alias("running_tx"),
)
