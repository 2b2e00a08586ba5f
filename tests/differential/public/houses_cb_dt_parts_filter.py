# frame: houses
# source: github:PacktPublishing/Polars-Cookbook/Chapter09/ch09.ipynb (Working with date and time)
# construct: select, dt, filter, is_between, datetime_literal, unique, implode, list
# Date parts of a datetime, a filter on date range and hour, and distinct counts via implode.
import polars as pl
from datetime import datetime

parts = df.select(
    "last_sold",
    pl.col("last_sold").dt.year().alias("year"),
    pl.col("last_sold").dt.month().alias("month"),
    pl.col("last_sold").dt.day().alias("day"),
    pl.col("last_sold").dt.time().alias("time"),
)
filtered_lf = parts.filter(
    pl.col("last_sold").dt.date().is_between(datetime(2017, 1, 1), datetime(2017, 12, 31)),
    pl.col("last_sold").dt.hour() < 12,
)
df = filtered_lf.with_columns(
    pl.col("last_sold").dt.year().unique().implode().list.len().alias("year_cnt"),
    pl.col("last_sold").dt.hour().unique().implode().list.len().alias("hour_cnt"),
)
