# frame: customers
# Top-3 credit limits per segment with a window rank filter.
import polars as pl

df = df.filter(
    pl.col("credit_limit").rank("ordinal", descending=True).over("segment") <= 3
).sort("segment", "credit_limit", descending=[False, True])
