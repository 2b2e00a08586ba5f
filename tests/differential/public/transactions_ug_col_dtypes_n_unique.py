# frame: transactions
# source: https://docs.pola.rs/user-guide/expressions/column-selections/ (user-guide/expressions/column-selections.py, "expansion_by_dtype")
# construct: select, col_dtype, n_unique
# Number of distinct values of every Int64, Int32 and Boolean column.
import polars as pl

df = df.select(pl.col(pl.Int64, pl.Int32, pl.Boolean).n_unique())
