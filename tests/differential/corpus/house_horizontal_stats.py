# frame: houses
# Horizontal min/max/mean across room counts and a flag with any_horizontal.
import polars as pl

df = df.with_columns(
    pl.max_horizontal("bedrooms", "bathrooms").alias("max_rooms"),
    pl.min_horizontal(pl.col("bedrooms"), pl.col("bathrooms")).alias("min_rooms"),
    pl.mean_horizontal("bedrooms", "bathrooms").alias("mean_rooms"),
    pl.any_horizontal(pl.col("bedrooms") > 5, pl.col("bathrooms") > 3).alias("big_house"),
    pl.all_horizontal(pl.col("has_garage"), pl.col("bathrooms") >= 2).alias("comfort"),
)
