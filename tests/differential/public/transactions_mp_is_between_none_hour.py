# frame: transactions
# source: github:kevinheavey/modern-polars/book/method_chaining.qmd (is_between(5, 600, closed="none"))
# construct: select, drop_nulls, filter, is_between, dt
# Moderate amounts only (both bounds excluded), with the hour of the day.
import polars as pl

df = (
    df.select(pl.col(["ts", "customer_id", "amount"]))
    .drop_nulls()
    .filter(pl.col("amount").is_between(5, 600, closed="none"))
    .with_columns(pl.col("ts").dt.hour().alias("hour"))
)
