# frame: transactions
# source: https://docs.pola.rs/user-guide/expressions/structs/ (user-guide/expressions/structs.py, "struct_duplicates")
# construct: filter, struct, is_duplicated
# Rows whose (customer, category) pair occurs more than once.
import polars as pl

df = df.filter(pl.struct("customer_id", "category").is_duplicated())
