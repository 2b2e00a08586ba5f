# frame: sales
# source: https://docs.pola.rs/user-guide/expressions/column-selections/ (user-guide/expressions/column-selections.py, "selectors_diff" + "selectors_union")
# construct: select, selectors
# Numeric columns except the first column, and store_id with every non-numeric column.
import polars as pl
import polars.selectors as cs

df = df.select(cs.numeric() - cs.first(), (cs.by_name("store_id") | ~cs.numeric()).name.suffix("_x"))
