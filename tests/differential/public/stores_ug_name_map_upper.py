# frame: stores
# source: https://docs.pola.rs/user-guide/expressions/expression-expansion/ (user-guide/expressions/expression-expansion.py, "name-map")
# construct: select, name, callable
# Upper-case every column name with a Python callable.
import polars as pl

df = df.select(pl.all().name.map(str.upper))
