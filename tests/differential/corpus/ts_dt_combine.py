# frame: sales
# Opening and closing datetimes of each sales day with dt.combine (a time literal and a time
# column), and the hours between them.
import datetime as dt
import polars as pl

df = df.with_columns(
    pl.col("date").dt.combine(dt.time(9, 30)).alias("opens_at"),
    pl.col("date").dt.combine(pl.lit(dt.time(18, 0, 0)), time_unit="ms").alias("closes_at"),
).with_columns(
    (pl.col("closes_at") - pl.col("opens_at")).dt.total_minutes().alias("open_minutes"),
    pl.col("opens_at").dt.combine(pl.col("closes_at").dt.time()).alias("close_on_same_day"),
)
