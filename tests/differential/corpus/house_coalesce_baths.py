# frame: houses
# Fill bathrooms from a bedroom-based guess with coalesce.
import polars as pl

df = df.with_columns(
    pl.coalesce("bathrooms", (pl.col("bedrooms") / 2).ceil(), pl.lit(1.0)).alias("bathrooms_filled")
)
