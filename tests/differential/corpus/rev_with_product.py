# frame: reviews
# frames: products
# Join product attributes and compute price-aware features.
import polars as pl

df = df.join(products.select("product_id", "brand", "price", "launch_date"), on="product_id", how="left")
df = df.with_columns(
    (pl.col("review_date") - pl.col("launch_date")).dt.total_days().alias("days_after_launch"),
    (pl.col("price") > 100).alias("premium_product"),
)
