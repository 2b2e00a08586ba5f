# frame: stores
# Cross join stores with a tiny frame of scenarios built from another frame.
import polars as pl

scenarios = df.select(pl.col("region").drop_nulls().unique().sort().head(2).alias("scenario_region"))
df = df.join(scenarios, how="cross").with_columns(
    (pl.col("region") == pl.col("scenario_region")).alias("in_scenario_region")
).sort("store_id", "scenario_region")
