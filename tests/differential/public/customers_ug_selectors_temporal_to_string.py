# frame: customers
# source: https://docs.pola.rs/user-guide/expressions/column-selections/ (user-guide/expressions/column-selections.py, "selectors_to_expr")
# construct: select, selectors, as_expr, dt
# Every temporal column formatted as text.
import polars as pl
import polars.selectors as cs

df = df.select(cs.temporal().as_expr().dt.to_string("%Y-%h-%d"))
