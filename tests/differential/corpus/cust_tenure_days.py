# frame: customers
# Tenure in days as of a fixed reference date.
from datetime import date
import polars as pl

df = df.with_columns(
    (pl.lit(date(2024, 6, 30)) - pl.col("signup_date")).dt.total_days().alias("tenure_days")
)
