# frame: reviews
# Length features of the review body and title.
import polars as pl

df = df.with_columns(
    pl.col("body").str.len_chars().alias("body_chars"),
    pl.col("body").str.len_bytes().alias("body_bytes"),
    pl.col("title").str.len_chars().alias("title_chars"),
    (pl.col("body").str.len_chars() == 0).alias("body_empty"),
)
