# frame: customers
# Signup cohorts relative to fixed dates (date literals in comparisons and is_between).
from datetime import date
import polars as pl

launch = date(2022, 1, 1)
df = df.with_columns(
    (pl.col("signup_date") < launch).alias("pre_launch"),
    pl.col("signup_date").is_between(date(2022, 6, 1), date(2023, 5, 31)).alias("cohort_2022"),
    (pl.col("signup_date") - pl.lit(launch)).dt.total_days().alias("days_since_launch"),
)
