# frame: houses
# source: https://docs.pola.rs/user-guide/expressions/expression-expansion/ (user-guide/expressions/expression-expansion.py, "col-with-regex")
# construct: select, col_regex
# Select by name and by regular expressions.
import polars as pl

df = df.select(pl.col("house_id", "^.*_size$", "^year_.*$"))
