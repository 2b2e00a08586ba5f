# frame: reviews
# Prefix/suffix checks and slices of the text.
import polars as pl

df = df.with_columns(
    pl.col("body").str.starts_with("The").alias("starts_the"),
    pl.col("body").str.ends_with("!").alias("ends_bang"),
    pl.col("body").str.slice(0, 12).alias("body_head"),
    pl.col("title").str.head(3).alias("title_head3"),
    pl.col("title").str.tail(2).alias("title_tail2"),
)
