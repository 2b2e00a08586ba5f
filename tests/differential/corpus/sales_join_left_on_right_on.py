# frame: sales
# frames: stores
# Join with differently named keys (left_on / right_on).
import polars as pl

store_info = stores.rename({"store_id": "sid"}).select("sid", "city", "size_sqft")
df = df.join(store_info, left_on="store_id", right_on="sid", how="left")
