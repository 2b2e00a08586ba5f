# frame: customers
# The twenty newest customers.
import polars as pl

df = df.sort("signup_date", "customer_id", descending=True, nulls_last=True).head(20)
