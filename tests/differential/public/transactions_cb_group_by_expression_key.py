# frame: transactions
# source: github:PacktPublishing/Polars-Cookbook/Chapter04/ch04.ipynb (group_by(pl.col('Brand'), 'Customer Country', pl.col('Order Date').dt.year()))
# construct: group_by, expression_key, agg, sort
# Mean amount per (channel, category, year) with an expression as a group key.
import polars as pl

df = (
    df
    .group_by(
        pl.col("channel"),
        "category",
        pl.col("ts").dt.year().alias("Order Year")
        )
    .agg(pl.col("amount").mean())
    .sort("channel", "category", "Order Year")
)
