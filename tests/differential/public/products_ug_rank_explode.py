# frame: products
# source: https://docs.pola.rs/user-guide/expressions/window-functions/ (user-guide/expressions/window.py, "rank-explode")
# construct: group_by, agg, rank, explode
# order: any
# Product names with their price rank per brand, as a group_by + explode instead of a window.
import polars as pl

df = (
    df.group_by("brand")
    .agg(
        pl.col("product_name"),
        pl.col("price").rank("dense", descending=True).alias("Price rank"),
    )
    .select(pl.col("product_name"), pl.col("brand"), pl.col("Price rank"))
    .explode("product_name", "Price rank", empty_as_null=False)
)
