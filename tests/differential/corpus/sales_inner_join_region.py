# frame: sales
# frames: stores
# Only stores with a known record; region-level daily share of units.
import polars as pl

df = df.join(stores.select("store_id", "region"), on="store_id", how="inner")
df = df.with_columns(
    (pl.col("units") / pl.col("units").sum().over("region", "date")).alias("unit_share_region_day")
)
