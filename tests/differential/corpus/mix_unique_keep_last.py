# frame: reviews
# Latest review per customer and product (unique keep="last").
import polars as pl

df = df.sort("review_date", "review_id").unique(subset=["customer_id", "product_id"], keep="last", maintain_order=True)
