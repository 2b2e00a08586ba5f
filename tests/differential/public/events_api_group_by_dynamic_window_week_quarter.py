# frame: events
# source: https://docs.pola.rs/user-guide/transformations/time-series/rolling/ (group_by_dynamic, calendar windows "1q")
# construct: group_by_dynamic, every, start_by, group_by, agg, first, last
# Quarterly first/last/mean value per user, windows starting at the calendar boundary.
import polars as pl

df = df.group_by_dynamic("day", every="1q", start_by="window", group_by="user_id").agg(
    pl.col("value").first().alias("open"),
    pl.col("value").max().alias("high"),
    pl.col("value").min().alias("low"),
    pl.col("value").last().alias("close"),
)
