# frame: transactions
# One row per customer (first transaction), keeping the order.
import polars as pl

df = df.unique(subset=["customer_id"], keep="first", maintain_order=True)
