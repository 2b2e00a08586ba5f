# frame: customers
# frames: transactions
# Recency in days since the last purchase, relative to the latest transaction overall.
import polars as pl

latest = transactions["ts"].max()
last_purchase = transactions.group_by("customer_id").agg(pl.col("ts").max().alias("last_ts"))
df = (
    df.join(last_purchase, on="customer_id", how="left")
    .with_columns(((pl.lit(latest) - pl.col("last_ts")).dt.total_hours() / 24).alias("recency_days"))
    .drop("last_ts")
)
