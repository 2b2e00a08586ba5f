# frame: houses
# source: https://docs.pola.rs/user-guide/expressions/expression-expansion/ (user-guide/expressions/expression-expansion.py, "selectors")
# construct: select, selectors
# String columns plus columns ending in "_size".
import polars as pl
import polars.selectors as cs

df = df.select(cs.string() | cs.ends_with("_size"))
