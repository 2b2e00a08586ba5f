# frame: transactions
# source: https://docs.pola.rs/user-guide/expressions/structs/ (user-guide/expressions/structs.py, "struct_ranking")
# construct: with_columns, struct, rank, over, is_duplicated
# Rank (quantity, amount) pairs within repeated (customer, category) pairs.
import polars as pl

df = df.with_columns(
    pl.struct("quantity", "amount")
    .rank("dense", descending=True)
    .over("customer_id", "category")
    .alias("Rank")
).filter(pl.struct("customer_id", "category").is_duplicated())
