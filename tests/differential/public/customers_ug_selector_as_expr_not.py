# frame: customers
# source: https://docs.pola.rs/user-guide/expressions/expression-expansion/ (user-guide/expressions/expression-expansion.py, "as_expr")
# construct: select, selectors, as_expr, name
# Negate the boolean "is_" columns: ~ on the selector's expression, not on the selector.
import polars as pl
import polars.selectors as cs

df = df.select((~cs.starts_with("is_").as_expr()).name.prefix("not_"))
