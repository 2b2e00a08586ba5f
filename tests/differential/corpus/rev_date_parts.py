# frame: reviews
# Review date parts and month-year string.
import polars as pl

df = df.with_columns(
    pl.col("review_date").dt.strftime("%Y-%m").alias("review_month"),
    pl.col("review_date").dt.weekday().alias("review_weekday"),
    pl.col("review_date").dt.day().alias("review_dom"),
    (pl.col("review_date").dt.weekday() > 5).alias("review_weekend"),
)
