# frame: stores
# Horizontal concat pairs rows by position; with how="horizontal_extend" the shorter frames are padded with nulls.
import polars as pl

a = df.sort("size_sqft", descending=True).select("store_id", "size_sqft")
b = df.filter(pl.col("region") == "North").select(pl.col("city").alias("north_city"))
c = df.head(3).select(pl.col("manager").alias("m"))
df = pl.concat([a, b, c], how="horizontal_extend").hstack(a.select(pl.col("store_id").alias("again")))
