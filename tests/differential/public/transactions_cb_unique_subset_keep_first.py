# frame: transactions
# source: github:PacktPublishing/Polars-Cookbook/Chapter03/ch03.ipynb (Finding and removing duplicates values)
# construct: unique, subset, keep
# order: any
# The first transaction of every (customer, category) pair.
import polars as pl

df = df.unique(subset=["customer_id", "category"], keep="first")
