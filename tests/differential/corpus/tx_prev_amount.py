# frame: transactions
# Previous and next amount of the same customer, in time order.
import polars as pl

df = df.sort("ts")
df = df.with_columns(
    pl.col("amount").shift(1).over("customer_id").alias("prev_amount"),
    pl.col("amount").shift(-1).over("customer_id").alias("next_amount"),
)
