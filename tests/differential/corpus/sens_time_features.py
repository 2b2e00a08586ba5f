# frame: sensors
# Hour, minute, day of week and the calendar date of each reading (crosses New Year).
import polars as pl

df = df.with_columns(
    pl.col("reading_time").dt.hour().alias("hour"),
    pl.col("reading_time").dt.minute().alias("minute"),
    pl.col("reading_time").dt.weekday().alias("dow"),
    pl.col("reading_time").dt.date().alias("date"),
    pl.col("reading_time").dt.year().alias("year"),
)
