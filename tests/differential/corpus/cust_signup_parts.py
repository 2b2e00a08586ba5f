# frame: customers
# Signup year, quarter, ISO week and month name.
import polars as pl

df = df.with_columns(
    signup_year=pl.col("signup_date").dt.year(),
    signup_quarter=pl.col("signup_date").dt.quarter(),
    signup_week=pl.col("signup_date").dt.week(),
    signup_month_name=pl.col("signup_date").dt.strftime("%b"),
)
