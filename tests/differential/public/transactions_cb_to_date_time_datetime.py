# frame: transactions
# source: github:PacktPublishing/Polars-Cookbook/Chapter06/ch06.ipynb (Converting strings into date, time, and datetime)
# construct: select, str, to_date, to_time, to_datetime, strptime
# Parse one timestamp string into a date, a time and a datetime, with both APIs.
import polars as pl

df = df.select(pl.col("ts").dt.strftime("%Y-%m-%d %H:%M:%S").alias("at"))
df = df.select(
    "at",
    pl.col("at").str.to_date(format="%Y-%m-%d %H:%M:%S").alias("at(date)"),
    pl.col("at").str.to_time(format="%Y-%m-%d %H:%M:%S").alias("at(time)"),
    pl.col("at").str.to_datetime(format="%Y-%m-%d %H:%M:%S").alias("at(datetime)"),
    pl.col("at").str.strptime(pl.Date, "%Y-%m-%d %H:%M:%S").alias("at(date) 2"),
    pl.col("at").str.strptime(pl.Time, "%Y-%m-%d %H:%M:%S").alias("at(time) 2"),
    pl.col("at").str.strptime(pl.Datetime, "%Y-%m-%d %H:%M:%S").alias("at(datetime) 2"),
)
