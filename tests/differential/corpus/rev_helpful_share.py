# frame: reviews
# Share of the product's helpful votes that each review received.
import polars as pl

df = df.with_columns(
    (pl.col("helpful_votes") / pl.col("helpful_votes").sum().over("product_id")).fill_nan(0).alias("helpful_share"),
    pl.col("helpful_votes").log1p().alias("log_helpful"),
)
