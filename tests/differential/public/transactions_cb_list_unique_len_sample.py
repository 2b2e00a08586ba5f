# frame: transactions
# source: github:PacktPublishing/Polars-Cookbook/Chapter07/ch07.ipynb (list.unique, list.unique().list.len(), list.sample)
# construct: group_by, agg, list, sort, unique, len, sample, seed
# Per channel and day: the sorted quantities, their distinct values and a seeded sample.
import polars as pl

df = (
    df.drop_nulls("ts")
    .with_columns(pl.col("ts").dt.date().alias("day"))
    .group_by("channel", "day")
    .agg("quantity")
    .with_columns(pl.col("quantity").list.sort())
    .with_columns(
        pl.col("quantity"),
        pl.col("quantity").list.len().alias("quantity_cnt"),
        pl.col("quantity").list.unique().alias("quantity_unique"),
        pl.col("quantity").list.unique().list.len().alias("quantity_unique_cnt"),
        pl.col("quantity").list.sample(n=3, with_replacement=True, seed=0).alias("samples"),
    )
    .sort("channel", "day")
)
