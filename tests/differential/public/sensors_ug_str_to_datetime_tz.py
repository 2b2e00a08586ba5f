# frame: sensors
# source: https://docs.pola.rs/user-guide/transformations/time-series/parsing/ (user-guide/transformations/time-series/parsing.py, "mixed")
# construct: select, str, dt, time_zone
# Parse offset-aware timestamps and convert them to one time zone.
import polars as pl

df = df.select(
    (pl.col("reading_time").dt.to_string("%Y-%m-%dT%H:%M:%S") + "+0100")
    .str.to_datetime("%Y-%m-%dT%H:%M:%S%z")
    .dt.convert_time_zone("Europe/Brussels")
    .alias("parsed")
)
