# frame: products
# source: https://docs.pola.rs/user-guide/expressions/window-functions/ (user-guide/expressions/window.py, "pokemon-mean")
# construct: select, mean, over
# The mean price of the product's brand next to its own price.
import polars as pl

df = df.select(
    pl.col("product_name", "brand", "price"),
    pl.col("price").mean().over(pl.col("brand")).alias("Mean price in group"),
)
