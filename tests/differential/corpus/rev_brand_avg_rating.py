# frame: reviews
# frames: products
# Average rating per brand, via join then group_by, joined back.
import polars as pl

with_brand = df.join(products.select(["product_id", "brand"]), on="product_id", how="left")
brand_rating = with_brand.group_by("brand").agg(pl.col("rating").mean().alias("brand_avg_rating"))
df = with_brand.join(brand_rating, on="brand", how="left")
