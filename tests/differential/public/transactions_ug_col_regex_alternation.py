# frame: transactions
# source: https://docs.pola.rs/user-guide/expressions/column-selections/ (user-guide/expressions/column-selections.py, "expansion_by_regex" + "selectors_by_name")
# construct: select, col_regex, selectors
# Columns whose name matches a regex alternation, plus selectors by substring and regex.
import polars as pl
import polars.selectors as cs

df = df.select(pl.col("^.*(am|ch).*$"), cs.contains("_id"), cs.matches(".*_fr.*"))
