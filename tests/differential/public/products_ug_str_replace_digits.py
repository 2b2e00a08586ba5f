# frame: products
# source: https://docs.pola.rs/user-guide/expressions/strings/ (user-guide/expressions/strings.py, "replace")
# construct: with_columns, str
# Replace the first digit and all digits of the SKU.
import polars as pl

df = df.with_columns(
    pl.col("sku").str.replace(r"\d", "-"),
    pl.col("sku").str.replace_all(r"\d", "-").alias("sku_replace_all"),
)
