# frame: reviews
# One row per product with rating distribution features.
import polars as pl

df = (
    df.group_by("product_id")
    .agg(
        pl.len().alias("n_reviews"),
        pl.col("rating").mean().alias("avg_rating"),
        pl.col("rating").std().alias("rating_std"),
        (pl.col("rating") == 5).sum().alias("n_five_star"),
        (pl.col("rating") == 1).mean().alias("share_one_star"),
        pl.col("verified").mean().alias("verified_share"),
        pl.col("body").str.len_chars().mean().alias("avg_body_len"),
        pl.col("review_date").max().alias("last_review"),
    )
    .sort("product_id")
)
