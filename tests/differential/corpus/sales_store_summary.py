# frame: sales
# frames: stores
# Store-level summary table with store attributes; missing stores included.
import polars as pl

summary = df.group_by("store_id").agg(
    pl.col("units").sum().alias("total_units"),
    pl.col("revenue").mean().alias("mean_revenue"),
    pl.col("promo").mean().alias("promo_rate"),
    pl.col("date").n_unique().alias("n_days"),
)
df = stores.join(summary, on="store_id", how="full", coalesce=True).sort("store_id")
