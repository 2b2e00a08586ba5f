# frame: transactions
# Treat timestamps as UTC and derive the Tokyo local hour.
import polars as pl

df = df.with_columns(
    pl.col("ts").dt.replace_time_zone("UTC").dt.convert_time_zone("Asia/Tokyo").alias("ts_tokyo"),
)
df = df.with_columns(pl.col("ts_tokyo").dt.hour().alias("hour_tokyo"))
