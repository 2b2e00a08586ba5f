# frame: sensors
# Flag readings on New Year's Eve night using is_between with datetimes.
import polars as pl

df = df.with_columns(
    pl.col("reading_time")
    .is_between(pl.datetime(2023, 12, 31, 18), pl.datetime(2024, 1, 1, 6))
    .alias("nye_night")
)
