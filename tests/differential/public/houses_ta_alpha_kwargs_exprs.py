# frame: houses
# source: github:wukan1986/polars_ta/examples/alpha101.py (alpha_041, alpha_054, alpha_101 column factors)
# construct: tuple_unpacking, with_columns, kwargs, pow
# Column factors written as module-level expressions and added with keyword arguments.
import polars as pl

OPEN, HIGH, LOW, CLOSE = pl.col("lat"), pl.col("lat") + 1, pl.col("lat") - 1, pl.col("lon")
VWAP, = pl.col("price") / 1e5,

alpha_041 = (((HIGH * LOW) ** 0.5) - VWAP)
alpha_054 = ((-1 * ((LOW - CLOSE) * (OPEN ** 5))) / ((LOW - HIGH) * (CLOSE ** 5)))
alpha_101 = ((CLOSE - OPEN) / ((HIGH - LOW) + 0.001))

df = df.with_columns(
    alpha_041=alpha_041,
    alpha_054=alpha_054,
    alpha_101=alpha_101,
)
