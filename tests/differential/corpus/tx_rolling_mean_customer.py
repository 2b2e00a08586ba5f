# frame: transactions
# Rolling mean and max of the last 3 transactions per customer.
import polars as pl

df = df.sort("customer_id", "tx_id").with_columns(
    pl.col("amount").rolling_mean(window_size=3).over("customer_id").alias("amt_roll_mean_3"),
    pl.col("amount").rolling_max(3, min_samples=1).over("customer_id").alias("amt_roll_max_3"),
)
