# frame: products
# source: https://docs.pola.rs/user-guide/expressions/casting/ (user-guide/expressions/casting.py, "strings")
# construct: select, cast, str
# Parse the digits of the SKU as an integer, print the price as a string.
import polars as pl

df = df.select(
    pl.col("sku").str.slice(4).cast(pl.Int32),
    pl.col("price").cast(pl.String),
)
