# frame: customers
# Python any/all on a list of column names decide the feature set.
import polars as pl

wanted = ["credit_limit", "loyalty_points"]
if all(c in df.columns for c in wanted):
    df = df.with_columns((pl.col("credit_limit") / (pl.col("loyalty_points") + 1)).alias("credit_per_point"))
if any(c.startswith("zz") for c in df.columns):
    df = df.drop("credit_limit")
