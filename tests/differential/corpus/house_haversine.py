# frame: houses
# Distance in km from a city centre (haversine) with math functions.
import math
import polars as pl

CENTER_LAT, CENTER_LON = 52.52, 13.405
R = 6371.0


def haversine_km(lat: pl.Expr, lon: pl.Expr, lat0: float, lon0: float) -> pl.Expr:
    """Great-circle distance in kilometres between (lat, lon) and a fixed point."""
    phi1 = lat * math.pi / 180
    phi0 = math.radians(lat0)
    dphi = (lat - lat0) * math.pi / 180
    dlmb = (lon - lon0) * math.pi / 180
    a = (dphi / 2).sin() ** 2 + math.cos(phi0) * phi1.cos() * (dlmb / 2).sin() ** 2
    return 2 * R * a.sqrt().arcsin()


df = df.with_columns(haversine_km(pl.col("lat"), pl.col("lon"), CENTER_LAT, CENTER_LON).alias("dist_center_km"))
