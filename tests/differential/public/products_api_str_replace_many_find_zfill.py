# frame: products
# source: https://docs.pola.rs/api/python/stable/reference/expressions/string.html (str.replace_many, str.find, str.zfill, str.to_integer docstring examples)
# construct: with_columns, str, replace_many, find, zfill, to_integer, base
# Several string edits: many replacements at once, position of a substring, zero padding, parse with a base.
import polars as pl

df = df.select("product_name", "sku").with_columns(
    pl.col("product_name").str.replace_many(["Eco", "Pro", "Mini"], ["ECO", "PRO", "MINI"]).alias("shouty"),
    pl.col("product_name").str.replace_many({"Kettle": "Teapot", "Lamp": "Light"}).alias("renamed"),
    pl.col("product_name").str.find("e", literal=True).alias("first_e"),
    pl.col("sku").str.slice(4).str.to_integer(base=10).alias("sku_int"),
    pl.col("sku").str.slice(4).str.to_integer(base=16, strict=False).alias("sku_hex"),
    pl.col("sku").str.slice(7).str.zfill(5).alias("zfilled"),
)
