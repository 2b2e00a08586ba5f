# frame: reviews
# Duplicate detection: same customer reviewing same product again.
import polars as pl

df = df.with_columns(
    pl.struct("customer_id", "product_id").is_duplicated().alias("dup_pair"),
    pl.col("body").is_duplicated().alias("dup_body"),
    pl.col("customer_id").is_first_distinct().alias("first_of_customer"),
    pl.col("customer_id").is_unique().alias("single_review_customer"),
)
