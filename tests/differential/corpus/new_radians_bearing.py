# frame: houses
# Bearing and trig encodings from coordinates (math.radians, Expr.radians, pl.arctan2).
import math
import numpy as np
import polars as pl

LAT0, LON0 = math.radians(52.52), math.radians(13.405)
lat, lon = pl.col("lat").radians(), pl.col("lon").radians()
x = (lon - LON0).cos() * lat.cos()
y = (lon - LON0).sin() * lat.cos()
df = df.with_columns(
    pl.arctan2(y, x).degrees().alias("bearing_deg"),
    np.degrees(pl.col("lat")).alias("lat_deg_of_rad"),
    (lat - LAT0).abs().alias("dlat_rad"),
)
