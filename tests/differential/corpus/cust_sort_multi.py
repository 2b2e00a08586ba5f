# frame: customers
# Sort by segment then credit limit (descending), nulls last.
import polars as pl

df = df.sort(["segment", "credit_limit"], descending=[False, True], nulls_last=True)
