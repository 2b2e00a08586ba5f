# frame: reviews
# Conditional aggregates inside agg (filter in agg), joined back.
import polars as pl

per_product = df.group_by("product_id").agg(
    pl.col("helpful_votes").filter(pl.col("verified")).sum().alias("verified_helpful"),
    pl.col("rating").filter(pl.col("rating") >= 4).count().alias("n_positive"),
    pl.col("rating").filter(pl.col("rating") <= 2).count().alias("n_negative"),
)
df = df.join(per_product, on="product_id", how="left").with_columns(
    (pl.col("n_positive") / (pl.col("n_positive") + pl.col("n_negative"))).alias("positive_ratio")
)
