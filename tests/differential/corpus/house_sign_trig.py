# frame: houses
# Trigonometric encodings of coordinates.
import polars as pl

df = df.with_columns(
    pl.col("lat").radians().sin().alias("lat_sin"),
    pl.col("lon").radians().cos().alias("lon_cos"),
    pl.arctan2(pl.col("lat"), pl.col("lon")).alias("angle"),
)
