# frame: transactions
# source: github:PacktPublishing/Polars-Cookbook/Chapter03/ch03.ipynb (rows_to_keep = df.select([...]).is_unique())
# construct: select, frame_is_unique, series_mask, filter
# Keep rows whose (customer, category) pair is unique, using a boolean Series as the filter.
import polars as pl

rows_to_keep = df.select(["customer_id", "category"]).is_unique()
df = df.filter(rows_to_keep)
