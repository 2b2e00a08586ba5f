# frame: transactions
# source: github:PacktPublishing/Polars-Cookbook/Chapter04/ch04.ipynb (Computing over groups with window functions)
# construct: with_columns, over, expression_key, select, unique, sort
# order: any
# Sales amount totals per category and per (category, an expression key), deduplicated.
import polars as pl

df = df.with_columns(
    (pl.col("quantity") * pl.col("amount")).round(2).alias("Sales Amount")
)
tx_year = 2024 - pl.col("ts").dt.year()
df = (
    df
    .select(
        "category",
        "channel",
        pl.col("Sales Amount").sum().over("category").alias("Sales Amt per Cat"),
        pl.col("Sales Amount").mean().over("category", tx_year).alias("Avg Sales per Cat and Age")
    )
    .unique()
)
