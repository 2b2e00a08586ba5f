# frame: sensors
# Readings are UTC: local Berlin hour and a night flag.
import polars as pl

local = pl.col("reading_time").dt.replace_time_zone("UTC").dt.convert_time_zone("Europe/Berlin")
df = df.with_columns(
    local.dt.hour().alias("local_hour"),
    local.dt.hour().is_between(0, 5).alias("is_night"),
    local.dt.date().alias("local_date"),
)
