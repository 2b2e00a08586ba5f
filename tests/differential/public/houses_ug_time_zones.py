# frame: houses
# source: https://docs.pola.rs/user-guide/transformations/time-series/timezones/ (user-guide/transformations/time-series/timezones.py, "example" + "example2")
# construct: select, dt, time_zone
# Set, replace, convert and unset the time zone of a datetime column.
import polars as pl

df = df.select(pl.col("last_sold").dt.replace_time_zone("UTC").alias("tz_aware"))
df = df.select(
    [
        pl.col("tz_aware")
        .dt.replace_time_zone("Europe/Brussels", non_existent="null", ambiguous="null")
        .alias("replace time zone"),
        pl.col("tz_aware")
        .dt.convert_time_zone("Asia/Kathmandu")
        .alias("convert time zone"),
        pl.col("tz_aware").dt.replace_time_zone(None).alias("unset time zone"),
    ]
)
