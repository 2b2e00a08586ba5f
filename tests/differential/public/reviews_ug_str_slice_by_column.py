# frame: reviews
# source: https://docs.pola.rs/user-guide/expressions/strings/ (user-guide/expressions/strings.py, "slice")
# construct: with_columns, str
# Slice, head and tail of titles with the length taken from another column.
import polars as pl

df = df.select("title", "rating").with_columns(
    pl.col("title").str.slice(pl.col("rating")).alias("slice"),
    pl.col("title").str.head(pl.col("rating")).alias("head"),
    pl.col("title").str.tail(pl.col("rating")).alias("tail"),
)
