# frame: customers
# source: github:PacktPublishing/Polars-Cookbook/Chapter05/ch05.ipynb (Deleting rows and columns containing missing values)
# construct: comprehension, frame_item, frame_indexing, drop, selectors, exclude
# Drop every column that has a null (checked one column at a time with .item() / [0, 0]).
import polars as pl

df = df.filter(pl.col("customer_id") < 1040)
cols_to_drop = [column for column in df.columns if df.select(pl.col(column).is_null().any()).item()]
cols_to_drop_2 = [column for column in df.columns if df.select(pl.col(column).is_null().any())[0, 0]]
assert cols_to_drop == cols_to_drop_2
df = df.select(pl.exclude(cols_to_drop))
