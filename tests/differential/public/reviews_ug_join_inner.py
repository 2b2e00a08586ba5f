# frame: reviews
# frames: products
# source: https://docs.pola.rs/user-guide/transformations/joins/ (user-guide/transformations/joins.py, "equi-join" + "inner-join")
# construct: join
# Reviews with their product's columns (inner equi-join).
import polars as pl

df = df.join(products, on="product_id", how="inner")
