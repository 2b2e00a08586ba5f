# frame: products
# source: https://docs.pola.rs/user-guide/expressions/window-functions/ (user-guide/expressions/window.py, "operations" + "sort")
# construct: filter, select, sort_by, over
# Expensive products, names and prices sorted by price within each brand.
import polars as pl

filtered = df.filter(pl.col("price") > 150).select(
    "product_name",
    "brand",
    "price",
)
df = filtered.with_columns(
    pl.col("product_name", "price").sort_by("price", descending=True).over("brand"),
)
