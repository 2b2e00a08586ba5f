# frame: transactions
# Calendar features from the transaction timestamp.
import polars as pl

df = df.with_columns(
    pl.col("ts").dt.year().alias("year"),
    pl.col("ts").dt.month().alias("month"),
    pl.col("ts").dt.day().alias("day"),
    pl.col("ts").dt.hour().alias("hour"),
    pl.col("ts").dt.weekday().alias("weekday"),
)
