# frame: houses
# source: https://docs.pola.rs/user-guide/expressions/expression-expansion/ (user-guide/expressions/expression-expansion.py, "expression-list")
# construct: with_columns, expr_list, round
# The same conversion written as a Python list of expressions.
import polars as pl

eur_usd_rate = 1.09
exprs = [
    (pl.col("price") / eur_usd_rate).round(2),
    (pl.col("lot_size") / eur_usd_rate).round(2),
    (pl.col("lat") / eur_usd_rate).round(2),
    (pl.col("lon") / eur_usd_rate).round(2),
]
df = df.with_columns(exprs)
