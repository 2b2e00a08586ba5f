# frame: transactions
# source: github:PacktPublishing/Polars-Cookbook/Chapter04/ch04.ipynb (Simple aggregations, "There is more")
# construct: select, filter_in_agg, sum, selectors, frame_sum
# Count and conditional sum in select, and the column sums of the numeric columns.
import polars as pl
from polars import selectors as cs

a = df.select(
    (pl.col("quantity") >= 4).sum().alias("n_big"),
    pl.col("quantity").filter(pl.col("channel") == "web").sum().alias("web_quantity"),
)
b = df.select(cs.numeric()).sum()
df = pl.concat([a, b], how="horizontal")
