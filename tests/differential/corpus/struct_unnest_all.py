# frame: houses
# unnest() without arguments unnests every Struct column; struct.unnest() inside select.
import polars as pl

df = df.select(
    "house_id",
    pl.struct(pl.col("lat").round(1).alias("lat1"), pl.col("lon").round(1).alias("lon1")).alias("cell"),
    pl.struct("bedrooms", "bathrooms").alias("rooms"),
    pl.struct(pl.col("price"), (pl.col("price") / pl.col("sqft")).alias("ppsf")).struct.unnest(),
).unnest()
