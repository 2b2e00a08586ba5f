# frame: reviews
# source: https://docs.pola.rs/user-guide/expressions/lists-and-arrays/ (user-guide/expressions/lists.py, "list-slicing")
# construct: with_columns, str, list
# First three, last three and two words before the last of each review body.
import polars as pl

df = df.select("review_id", "body").with_columns(
    pl.col("body").str.split(" "),
)
df = df.with_columns(
    pl.col("body").list.head(3).alias("head"),
    pl.col("body").list.tail(3).alias("tail"),
    pl.col("body").list.slice(-3, 2).alias("two_next_to_last"),
)
