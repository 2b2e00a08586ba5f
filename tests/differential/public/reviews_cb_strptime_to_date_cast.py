# frame: reviews
# source: github:PacktPublishing/Polars-Cookbook/Chapter03/ch03.ipynb (Casting data types)
# construct: with_columns, str, strptime, to_date, cast
# Parse US-style date strings with strptime and to_date, and cast an integer column.
import polars as pl

df = df.select("review_id", "rating", pl.col("review_date").dt.strftime("%m/%d/%Y").alias("Review Date"))
df = df.with_columns(
    pl.col("Review Date").str.strptime(pl.Date, "%m/%d/%Y"),
    pl.col("Review Date").str.to_date("%m/%d/%Y").alias("Review Date 2"),
    pl.col("rating").cast(pl.Int64),
)
