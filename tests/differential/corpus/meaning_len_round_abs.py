# frame: transactions
# `len`, `round`, `abs` by meaning: Python's on lists and numbers, pl.len() (rows), and the
# Expr methods; Python's abs() on an expression is Expr.abs().
import polars as pl

names = ["amount", "quantity", "discount"]
df = df.select(
    pl.lit(len(names)).alias("py_len"),
    pl.lit(round(2.675, 2)).alias("py_round"),
    pl.lit(round(7.5)).alias("py_round_even"),
    pl.lit(abs(-3)).alias("py_abs"),
    pl.len().alias("rows"),
    pl.col("amount").round(1).alias("amount_1"),
    pl.col("amount").abs().alias("amount_abs"),
    abs(pl.col("amount")).alias("builtin_abs"),
    pl.col("category").str.len_chars().alias("category_len"),
).head(50)
