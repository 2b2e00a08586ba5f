# frame: customers
# source: https://docs.pola.rs/user-guide/transformations/time-series/filter/ (user-guide/transformations/time-series/filter.py, "negative")
# construct: filter, dt
# Customers who signed up before 2023.
import polars as pl

df = df.filter(pl.col("signup_date").dt.year() < 2023)
