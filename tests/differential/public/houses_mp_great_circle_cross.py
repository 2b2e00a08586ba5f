# frame: houses
# source: github:kevinheavey/modern-polars/book/performance.qmd (pairs cross join + gcd_pl); adapted: the book's join(..., on=..., how="cross") must drop on= in Polars 2.x
# construct: lazy, unique, join, cross, filter, def, math, trigonometry
# Great-circle distance between pairs of (the first 25) houses.
import math
import polars as pl

airports = df.lazy().head(25).drop_nulls().unique(subset=["house_id"])
pairs = airports.join(airports, how="cross").filter(
    (pl.col("house_id") != pl.col("house_id_right"))
    & (pl.col("lat") != pl.col("lat_right"))
    & (pl.col("lon") != pl.col("lon_right"))
)


def deg2rad_pl(degrees: pl.Expr) -> pl.Expr:
    return degrees * math.pi / 180


def gcd_pl(lat1: pl.Expr, lng1: pl.Expr, lat2: pl.Expr, lng2: pl.Expr):
    ϕ1 = deg2rad_pl(90 - lat1)
    ϕ2 = deg2rad_pl(90 - lat2)

    θ1 = deg2rad_pl(lng1)
    θ2 = deg2rad_pl(lng2)

    cos = ϕ1.sin() * ϕ2.sin() * (θ1 - θ2).cos() + ϕ1.cos() * ϕ2.cos()
    arc = cos.arccos()
    return arc * 6373


df = pairs.select(
    "house_id",
    "house_id_right",
    gcd_pl(pl.col("lat"), pl.col("lon"), pl.col("lat_right"), pl.col("lon_right")).alias("km"),
).sort("house_id", "house_id_right").collect()
