# frame: events
# source: https://docs.pola.rs/api/python/stable/reference/api/polars.datetime_range.html + polars.date_range.html (eager=True examples)
# construct: datetime_range, date_range, eager, interval, closed, to_frame, join
# A complete hourly grid for one day and a daily calendar for a month, joined to the data.
import polars as pl
from datetime import date, datetime

hours = pl.datetime_range(
    datetime(2024, 1, 1), datetime(2024, 1, 2), "1h", closed="left", eager=True
).alias("hour").to_frame()
days = pl.date_range(date(2024, 1, 1), date(2024, 1, 31), "1d", eager=True).alias("day").to_frame()
daily = days.join(df.filter(pl.col("user_id") == "u02").select("day", "value"), on="day", how="left")
hourly = hours.join(
    df.filter(pl.col("user_id") == "u02").select(pl.col("ts").dt.truncate("1h").alias("hour"), "clicks"),
    on="hour",
    how="left",
)
df = daily.with_columns(pl.lit(hourly["clicks"].drop_nulls().sum()).alias("clicks_on_jan_1"))
