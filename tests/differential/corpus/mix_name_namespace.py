# frame: houses
# name.* helpers: prefix, suffix, keep, to_uppercase.
import polars as pl

df = df.with_columns(
    pl.col("price", "sqft").rank().name.prefix("rank_"),
    pl.col("lat", "lon").round(1).name.suffix("_r1"),
    pl.col("bedrooms").cast(pl.Int32).name.keep(),
    pl.col("zipcode").name.to_uppercase(),
)
