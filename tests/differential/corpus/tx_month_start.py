# frame: transactions
# Month bucket and days into the month.
import polars as pl

df = df.with_columns(
    pl.col("ts").dt.truncate("1mo").alias("month_bucket"),
    pl.col("ts").dt.month_start().alias("month_first"),
    pl.col("ts").dt.ordinal_day().alias("day_of_year"),
)
