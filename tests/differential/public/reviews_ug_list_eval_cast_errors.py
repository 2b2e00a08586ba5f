# frame: reviews
# source: https://docs.pola.rs/user-guide/expressions/lists-and-arrays/ (user-guide/expressions/lists.py, "element-wise-casting")
# construct: with_columns, str, list_eval, cast
# Count the words of each body that are not integers (a cast to Int64 fails).
import polars as pl

df = df.select("review_id", "body").with_columns(pl.col("body").str.split(" "))
df = df.with_columns(
    pl.col("body")
    .list.eval(pl.element().cast(pl.Int64, strict=False).is_null())
    .list.sum()
    .alias("errors"),
)
