# frame: transactions
# source: github:kevinheavey/modern-polars/book/method_chaining.qmd (flights_pl "turn")
# construct: select, drop_nulls, sort, filter, rank, over
# The rank of each transaction within its customer's day.
import polars as pl

df = (
    df.with_columns(pl.col("ts").dt.date().alias("day"))
    .select(pl.col(["day", "customer_id", "ts", "amount"]))
    .drop_nulls()
    .sort("ts")
    .filter(pl.col("amount") < 500)
    .with_columns(pl.col("ts").rank().over(["day", "customer_id"]).alias("turn"))
)
