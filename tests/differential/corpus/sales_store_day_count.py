# frame: sales
# Row counts by store and promo status with pl.len() in agg, sorted.
import polars as pl

df = (
    df.group_by("store_id", "promo")
    .agg(pl.len().alias("days"), pl.col("units").sum().alias("units"))
    .sort("store_id", "promo")
)
