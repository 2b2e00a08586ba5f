# frame: reviews
# explode of split titles (empty strings, nulls kept as null rows), then per-group head/tail.
import polars as pl

words = df.select("review_id", "customer_id", pl.col("title").str.split(" ").alias("w")).explode("w")
nums = df.select("review_id", pl.col("body").str.extract_all(r"\d").alias("d"), pl.col("body").str.extract_all(r"\d").list.len().alias("n")).explode("d")
top = df.sort("helpful_votes", descending=True).group_by("product_id", maintain_order=True).tail(3)
df = words.join(nums, on="review_id", how="left").join(top.select("review_id", pl.col("rating").alias("r")), on="review_id", how="left")
