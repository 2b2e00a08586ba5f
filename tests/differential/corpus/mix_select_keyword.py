# frame: reviews
# select with keyword expressions and positional names.
import polars as pl

df = df.select(
    "review_id",
    "product_id",
    rating_f=pl.col("rating").cast(pl.Float64),
    title_upper=pl.col("title").str.to_uppercase(),
    is_long=pl.col("body").str.len_chars() > 30,
)
