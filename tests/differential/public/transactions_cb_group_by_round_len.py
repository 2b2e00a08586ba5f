# frame: transactions
# source: github:PacktPublishing/Polars-Cookbook/Chapter04/ch04.ipynb (Using group by aggregations)
# construct: group_by, agg, round, len, first, last, sort
# Per merchant: mean amount, sum/len, and first channel and last category, sorted twice.
import polars as pl

df = (
    df
    .group_by("merchant")
    .agg(
        pl.col("quantity").mean().round(2).alias("Average Quantity"),
        (pl.col("quantity").sum() / pl.len()).round(2).alias("Average Quantity 2"),
        pl.col("channel").first(),
        pl.col("category").last()
    )
    .sort("Average Quantity", descending=True)
    .sort("merchant")
)
