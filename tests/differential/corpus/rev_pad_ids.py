# frame: reviews
# String ids with zero padding and a prefix.
import polars as pl

df = df.with_columns(
    ("P" + pl.col("product_id").cast(pl.String).str.zfill(4)).alias("product_code"),
    pl.col("rating").cast(pl.String).str.pad_start(3, "*").alias("rating_padded"),
    pl.col("review_id").cast(pl.String).str.pad_end(8, "_").alias("review_padded"),
)
