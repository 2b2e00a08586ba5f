# frame: customers
# Renewal date one year after signup and the month end of signup.
import polars as pl

df = df.with_columns(
    pl.col("signup_date").dt.offset_by("1y").alias("renewal_date"),
    pl.col("signup_date").dt.month_end().alias("signup_month_end"),
    pl.col("signup_date").dt.offset_by("-2w").alias("two_weeks_before"),
)
