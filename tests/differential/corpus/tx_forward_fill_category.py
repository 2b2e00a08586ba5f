# frame: transactions
# Forward-fill missing categories within each customer.
import polars as pl

df = df.with_columns(
    pl.col("category").fill_null(strategy="forward").over("customer_id").alias("category_ffill")
)
