# frame: sales
# frames: stores
# Attach store attributes to each daily sales row.
import polars as pl

df = df.join(stores, on="store_id", how="left")
df = df.with_columns(
    (pl.col("revenue") / pl.col("size_sqft")).alias("revenue_per_sqft"),
    ((pl.col("date") - pl.col("opened")).dt.total_days() / 365.25).alias("store_age_years"),
)
