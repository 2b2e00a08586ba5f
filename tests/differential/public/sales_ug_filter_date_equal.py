# frame: sales
# source: https://docs.pola.rs/user-guide/transformations/time-series/filter/ (user-guide/transformations/time-series/filter.py, "filter")
# construct: filter, date_literal
# Rows of one day.
import polars as pl
from datetime import date

df = df.filter(
    pl.col("date") == date(2023, 12, 24),
)
