# frame: customers
# Loyalty points per year of tenure.
import polars as pl

tenure_years = (pl.date(2024, 12, 31) - pl.col("signup_date")).dt.total_days() / 365.25
df = df.with_columns((pl.col("loyalty_points") / tenure_years).alias("points_per_year"))
