# frame: transactions
# Aggregate to lists and summarize them with list.len.
import polars as pl

df = (
    df.group_by("customer_id")
    .agg(pl.col("category").drop_nulls().unique().alias("categories"))
    .with_columns(pl.col("categories").list.len().alias("n_categories"))
    .select("customer_id", "n_categories")
    .sort("customer_id")
)
