# frame: products
# source: https://docs.pola.rs/user-guide/transformations/joins/ (user-guide/transformations/joins.py, "props_groups2" + "props_prices2" + "join-key-expression")
# construct: select, join, join_expression_key
# order: any
# Join on a key computed by an expression on the right side (lower-cased names). No maintain_order=:
# Python 2.1 gives the rows in the right frame's order here (as maintain_order="right"), not the left one.
import polars as pl

products2 = df.select("product_id", "brand", "product_name").with_columns(
    pl.col("product_name").str.to_lowercase(),
)
prices2 = df.select(
    pl.col("product_name").alias("name"), pl.col("price")
)
df = products2.join(
    prices2,
    left_on="product_name",
    right_on=pl.col("name").str.to_lowercase(),
)
