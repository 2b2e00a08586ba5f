# frame: stores
# source: https://docs.pola.rs/user-guide/transformations/time-series/parsing/ (user-guide/transformations/time-series/parsing.py, "cast" + "extract")
# construct: with_columns, dt, str
# Format the opening date as text, parse it back with an explicit format, take the year.
import polars as pl

df = df.with_columns(pl.col("opened").dt.to_string("%Y-%m-%d").alias("opened_str"))
df = df.with_columns(pl.col("opened_str").str.to_date("%Y-%m-%d"))
df = df.with_columns(pl.col("opened_str").dt.year().alias("year"))
