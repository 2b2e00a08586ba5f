# frame: transactions
# Most frequent category per customer (mode; ties broken by the smallest).
import polars as pl

mode_cat = (
    df.drop_nulls("category")
    .group_by("customer_id")
    .agg(pl.col("category").mode().sort().first().alias("top_category"))
)
df = df.join(mode_cat, on="customer_id", how="left")
