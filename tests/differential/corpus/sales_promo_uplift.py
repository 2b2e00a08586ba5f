# frame: sales
# Promo uplift: units vs the store's non-promo average.
import polars as pl

baseline = pl.col("units").filter(~pl.col("promo")).mean().over("store_id")
df = df.with_columns(
    baseline.alias("store_baseline_units"),
    (pl.col("units") / baseline - 1).alias("uplift_vs_baseline"),
)
