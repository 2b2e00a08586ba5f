# frame: sales
# Per-store lists of the last units (over with mapping_strategy="join") and their length.
import polars as pl

df = df.with_columns(
    pl.col("units").max().over("store_id", mapping_strategy="group_to_rows").alias("store_max_units"),
    pl.col("promo").sum().over(["store_id"]).alias("store_promo_days"),
)
