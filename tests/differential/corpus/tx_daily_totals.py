# frame: transactions
# Daily revenue, sorted by day.
import polars as pl

df = (
    df.drop_nulls("ts")
    .with_columns(pl.col("ts").dt.date().alias("day"))
    .group_by("day")
    .agg(
        pl.col("amount").filter(pl.col("amount").is_not_nan()).sum().alias("revenue"),
        pl.len().alias("n_tx"),
        pl.col("customer_id").n_unique().alias("n_customers"),
    )
    .sort("day")
)
