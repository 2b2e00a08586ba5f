# frame: transactions
# Time between consecutive purchases of the same customer, in hours.
import polars as pl

df = (
    df.sort("customer_id", "ts")
    .with_columns(
        pl.col("ts").diff().over("customer_id").alias("gap"),
    )
    .with_columns(
        (pl.col("gap").dt.total_seconds() / 3600).alias("hours_since_prev"),
    )
    .drop("gap")
)
