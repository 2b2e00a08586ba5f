# frame: houses
# source: https://docs.pola.rs/user-guide/expressions/casting/ (user-guide/expressions/casting.py, "dates" + "dates2")
# construct: select, cast, dt
# Dates and datetimes as integers since the epoch, and formatted as text.
import polars as pl

df = df.select(
    pl.col("last_sold").dt.date().cast(pl.Int64).alias("days_since_epoch"),
    pl.col("last_sold").cast(pl.Int64).alias("us_since_epoch"),
    pl.col("last_sold").dt.time().cast(pl.Int64).alias("ns_since_midnight"),
    pl.col("last_sold").dt.to_string("%Y-%m-%d").alias("as_text"),
)
