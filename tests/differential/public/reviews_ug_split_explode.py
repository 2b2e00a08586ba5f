# frame: reviews
# source: https://docs.pola.rs/user-guide/expressions/lists-and-arrays/ (user-guide/expressions/lists.py, "split" + "explode")
# construct: with_columns, str, list, explode
# Split review bodies into words, one row per word.
import polars as pl

df = df.select("review_id", "body")
df = df.with_columns(
    pl.col("body").str.split(" "),
)
df = df.explode("body", empty_as_null=False)
