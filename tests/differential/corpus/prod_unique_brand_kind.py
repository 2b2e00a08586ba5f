# frame: products
# Unique brand/kind combinations, sorted.
import polars as pl

df = (
    df.with_columns(pl.col("product_name").str.split(" ").list.last().alias("kind"))
    .select("brand", "kind")
    .unique()
    .sort(["brand", "kind"], nulls_last=True)
)
