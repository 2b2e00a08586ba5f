# frame: transactions
# Window over an expression key (the day) and a count of repeat purchases.
import polars as pl

day = pl.col("ts").dt.date()
df = df.with_columns(
    pl.len().over(day).alias("tx_that_day"),
    pl.col("amount").sum().over(["customer_id", day]).alias("customer_day_spend"),
)
