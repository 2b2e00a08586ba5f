# frame: products
# Launch timing features.
import polars as pl

df = df.with_columns(
    pl.col("launch_date").dt.year().alias("launch_year"),
    pl.col("launch_date").dt.month().alias("launch_month"),
    pl.col("launch_date").dt.truncate("1q").alias("launch_quarter_start"),
    (pl.date(2024, 6, 1) - pl.col("launch_date")).dt.total_days().alias("days_on_market"),
)
