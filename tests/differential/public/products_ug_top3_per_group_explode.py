# frame: products
# source: https://docs.pola.rs/user-guide/expressions/window-functions/ (user-guide/expressions/window.py, "examples")
# construct: sort, select, sort_by, head, over, mapping_strategy
# Three most expensive, heaviest and alphabetically first products of each brand.
import polars as pl

df = df.sort("brand").select(
    pl.col("brand").head(3).over("brand", mapping_strategy="explode"),
    pl.col("product_name")
    .sort_by(pl.col("price"), descending=True)
    .head(3)
    .over("brand", mapping_strategy="explode")
    .alias("priciest/group"),
    pl.col("product_name")
    .sort_by(pl.col("weight_kg"), descending=True)
    .head(3)
    .over("brand", mapping_strategy="explode")
    .alias("heaviest/group"),
    pl.col("product_name")
    .sort()
    .head(3)
    .over("brand", mapping_strategy="explode")
    .alias("sorted_by_alphabet"),
)
