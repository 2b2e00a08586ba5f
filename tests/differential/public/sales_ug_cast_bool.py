# frame: sales
# source: https://docs.pola.rs/user-guide/expressions/casting/ (user-guide/expressions/casting.py, "bool")
# construct: select, cast
# Integers and floats cast to Boolean, a Boolean cast to Int8.
import polars as pl

df = df.select(
    pl.col("returns").cast(pl.Boolean),
    pl.col("revenue").cast(pl.Boolean),
    pl.col("promo").cast(pl.Int8),
)
