# frame: transactions
# The sorted timestamp is marked sorted (frame and expression forms) before time-based windows.
import polars as pl

df = df.drop_nulls("ts").sort("ts").set_sorted("ts")
df = df.with_columns(
    pl.col("amount").rolling_sum_by("ts", window_size="1d").alias("amount_1d"),
    pl.col("tx_id").set_sorted().alias("tx_id_sorted"),
)
