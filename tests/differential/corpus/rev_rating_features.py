# frame: reviews
# Rating-based features: positive flag, centered rating, null-safe.
import polars as pl

df = df.with_columns(
    (pl.col("rating") >= 4).alias("is_positive"),
    (pl.col("rating") <= 2).alias("is_negative"),
    (pl.col("rating").cast(pl.Float64) - 3.0).alias("rating_centered"),
    pl.col("rating").fill_null(pl.col("rating").median()).alias("rating_filled"),
)
