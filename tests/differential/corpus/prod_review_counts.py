# frame: products
# frames: reviews
# Review statistics per product, with zero for products without reviews.
import polars as pl

stats = reviews.group_by("product_id").agg(
    pl.len().alias("n_reviews"),
    pl.col("rating").mean().alias("avg_rating"),
    pl.col("helpful_votes").max().alias("max_helpful"),
)
df = (
    df.join(stats, on="product_id", how="left")
    .with_columns(
        pl.col("n_reviews").fill_null(0),
        pl.col("max_helpful").fill_null(0),
    )
)
