# frame: products
# frames: stores
# Inequality joins with join_where: every product a store's size could shelve, sorted.
import polars as pl

shelves = stores.select("store_id", (pl.col("size_sqft") / 40).alias("capacity"), "opened")
df = (
    df.select("product_id", "price", "launch_date")
    .join_where(shelves, pl.col("price") < pl.col("capacity"), pl.col("launch_date") > pl.col("opened"))
    .sort("product_id", "store_id")
)
