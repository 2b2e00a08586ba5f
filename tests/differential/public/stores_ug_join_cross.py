# frame: stores
# source: https://docs.pola.rs/user-guide/transformations/joins/ (user-guide/transformations/joins.py, "cartesian-product")
# construct: join, cross
# Every store paired with every channel.
import polars as pl

tokens = pl.DataFrame({"channel": ["web", "store", "app"]})
df = df.select(pl.col("city")).join(tokens, how="cross")
