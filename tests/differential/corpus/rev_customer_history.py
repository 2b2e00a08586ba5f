# frame: reviews
# Customer review history: count, order, and previous rating.
import polars as pl

df = df.sort("customer_id", "review_date", "review_id").with_columns(
    pl.len().over("customer_id").alias("cust_n_reviews"),
    pl.col("review_id").cum_count().over("customer_id").alias("cust_review_seq"),
    pl.col("rating").shift(1).over("customer_id").alias("cust_prev_rating"),
)
