# frame: events
# source: github:kevinheavey/modern-polars/book/timeseries.qmd (pl.duration(days=80), replace/convert_time_zone)
# construct: select, with_columns, duration, cast, dt, time_zone
# A date shifted by 80 days, and the date as a UTC datetime converted to US/Eastern.
import polars as pl

df = df.select("user_id", "day", (pl.col("day") + pl.duration(days=80)).alias("day_plus_80"))
df = df.with_columns(
    pl.col("day")
    .cast(pl.Datetime)
    .dt.replace_time_zone("UTC")
    .dt.convert_time_zone("US/Eastern")
)
