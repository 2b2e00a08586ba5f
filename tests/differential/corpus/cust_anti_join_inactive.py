# frame: customers
# frames: transactions
# Customers with no transactions at all (anti join).
import polars as pl

df = df.join(transactions.select("customer_id"), on="customer_id", how="anti")
