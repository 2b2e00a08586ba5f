# frame: sales
# source: https://docs.pola.rs/api/python/stable/reference/api/polars.reduce.html (docstring example)
# construct: select, reduce, lambda, col_star
# Row-wise sum of every column with pl.reduce (the lambda receives whole columns).
import polars as pl

df = df.select("units", "returns").select(
    pl.reduce(function=lambda acc, x: acc + x, exprs=pl.col("*"))
)
