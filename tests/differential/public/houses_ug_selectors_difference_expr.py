# frame: houses
# source: https://docs.pola.rs/user-guide/expressions/expression-expansion/ (user-guide/expressions/expression-expansion.py, "selectors-set-operations" + "selectors-expressions")
# construct: select, selectors
# Columns with "_" in the name that are not strings, divided by a rate.
import polars as pl
import polars.selectors as cs

eur_usd_rate = 1.09
df = df.select((cs.contains("_") - cs.string() - cs.temporal() - cs.boolean()) / eur_usd_rate)
