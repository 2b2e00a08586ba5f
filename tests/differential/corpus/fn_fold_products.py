# frame: houses
# A product and a maximum by fold, and a fold whose body scales the accumulator.
import polars as pl

df = df.select(
    "house_id",
    pl.fold(pl.lit(1.0), lambda acc, x: acc * x, [pl.col("bathrooms"), pl.col("bedrooms")]).alias("product"),
    pl.fold(pl.lit(0.0), lambda acc, x: acc * 0.5 + x, [pl.col("lat"), pl.col("lon"), pl.col("bathrooms")]).alias("decayed"),
    pl.fold(pl.col("sqft"), lambda acc, x: acc - x, [pl.col("bedrooms")]).alias("sqft_minus_bedrooms"),
)
