# frame: sales
# Day-over-day and week-over-week growth per store, clipped, with a growth streak flag.
import polars as pl

df = df.sort("store_id", "date")
for n, label in [(1, "dod"), (7, "wow")]:
    df = df.with_columns(
        pl.col("revenue").pct_change(n).over("store_id").clip(-1.0, 5.0).alias(f"revenue_{label}")
    )
df = df.with_columns((pl.col("revenue_dod") > 0).cast(pl.Int32).cum_sum().over("store_id").alias("n_growth_days"))
