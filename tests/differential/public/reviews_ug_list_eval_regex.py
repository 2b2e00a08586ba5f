# frame: reviews
# source: https://docs.pola.rs/user-guide/expressions/lists-and-arrays/ (user-guide/expressions/lists.py, "element-wise-regex")
# construct: with_columns, str, list_eval
# Count the words of each body that contain a letter (case-insensitive regex in list.eval).
import polars as pl

df = df.select("review_id", "body").with_columns(pl.col("body").str.split(" "))
df = df.with_columns(
    pl.col("body")
    .list.eval(pl.element().str.contains("(?i)[a-z]"))
    .list.sum()
    .alias("errors"),
)
