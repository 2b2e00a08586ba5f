# frame: houses
# source: https://docs.pola.rs/user-guide/expressions/casting/ (user-guide/expressions/casting.py, "castnum" + "downcast" + "overflow2")
# construct: select, cast, strict
# Casts between numeric types, a downcast and an overflowing cast with strict=False.
import polars as pl

df = df.select(
    pl.col("sqft").cast(pl.Float32).alias("sqft_as_floats"),
    pl.col("bathrooms").cast(pl.Int32).alias("bathrooms_as_integers"),
    pl.col("year_built").cast(pl.Int16),
    pl.col("price").cast(pl.Float32),
    pl.col("sqft").cast(pl.Int8, strict=False).alias("sqft_int8"),
)
