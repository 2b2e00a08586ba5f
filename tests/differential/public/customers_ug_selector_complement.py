# frame: customers
# source: https://docs.pola.rs/user-guide/expressions/expression-expansion/ (user-guide/expressions/expression-expansion.py, "selector-ambiguity")
# construct: select, selectors, name
# ~ on a selector is the complement: every column that does not start with "is_".
import polars as pl
import polars.selectors as cs

df = df.select((~cs.starts_with("is_")).name.prefix("not_"))
