# frame: reviews
# Product-level rating statistics as window expressions.
import polars as pl

df = df.with_columns(
    pl.col("rating").mean().over("product_id").alias("product_avg_rating"),
    pl.col("rating").count().over("product_id").alias("product_n_ratings"),
    pl.col("helpful_votes").sum().over("product_id").alias("product_helpful_total"),
    (pl.col("rating") - pl.col("rating").mean().over("product_id")).alias("rating_vs_product"),
)
