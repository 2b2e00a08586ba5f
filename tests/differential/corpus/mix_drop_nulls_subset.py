# frame: customers
# Drop rows missing key fields, then drop a column.
import polars as pl

df = df.drop_nulls(subset=["segment", "country"]).drop("email")
