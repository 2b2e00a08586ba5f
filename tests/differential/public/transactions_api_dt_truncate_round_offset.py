# frame: transactions
# source: https://docs.pola.rs/api/python/stable/reference/expressions/temporal.html (dt.truncate, dt.round, dt.month_start, dt.month_end, dt.offset_by, dt.strftime)
# construct: with_columns, dt, truncate, round, month_start, month_end, offset_by, strftime
# Calendar buckets of a timestamp: truncated, rounded, month bounds, shifted and formatted.
import polars as pl

df = df.select("tx_id", "ts").with_columns(
    pl.col("ts").dt.truncate("1h").alias("hour"),
    pl.col("ts").dt.truncate("1w").alias("week"),
    pl.col("ts").dt.round("15m").alias("quarter_hour"),
    pl.col("ts").dt.month_start().alias("month_start"),
    pl.col("ts").dt.month_end().alias("month_end"),
    pl.col("ts").dt.offset_by("1mo").alias("next_month"),
    pl.col("ts").dt.strftime("%A %d %B %Y").alias("pretty"),
)
