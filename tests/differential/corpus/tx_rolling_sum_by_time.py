# frame: transactions
# Amount spent in the trailing 7 days (time-based window), across all customers.
import polars as pl

df = df.drop_nulls("ts").sort("ts")
df = df.with_columns(
    pl.col("amount").fill_nan(0).rolling_sum_by("ts", window_size="7d").alias("amount_7d"),
    pl.col("tx_id").rolling_max_by("ts", window_size="1d").alias("last_tx_id_1d"),
)
