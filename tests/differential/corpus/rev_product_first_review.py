# frame: reviews
# Is this the first review of the product (by date)?
import polars as pl

df = df.with_columns(
    (pl.col("review_date") == pl.col("review_date").min().over("product_id")).alias("is_first_product_review"),
    pl.col("review_date").rank("dense").over("product_id").alias("product_review_order"),
)
