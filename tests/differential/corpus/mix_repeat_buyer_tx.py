# frame: transactions
# frames: customers
# Join customer segment, then per-segment statistics over the transactions.
import polars as pl

df = df.join(customers.select("customer_id", "segment", "country"), on="customer_id", how="left")
df = df.with_columns(
    pl.col("amount").mean().over("segment").alias("segment_avg_amount"),
    pl.col("customer_id").n_unique().over("country").alias("customers_in_country"),
)
