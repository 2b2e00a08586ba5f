# frame: houses
# source: https://docs.pola.rs/user-guide/transformations/time-series/filter/ (user-guide/transformations/time-series/filter.py, "range")
# construct: filter, is_between, datetime_literal
# Houses last sold between two datetimes.
import polars as pl
from datetime import datetime

df = df.filter(
    pl.col("last_sold").is_between(datetime(2019, 7, 1), datetime(2019, 11, 1)),
)
