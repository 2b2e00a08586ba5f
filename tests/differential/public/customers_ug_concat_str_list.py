# frame: customers
# source: https://docs.pola.rs/user-guide/expressions/folds/ (user-guide/expressions/folds.py, "string")
# construct: select, concat_str
# Concatenate two string columns (null when either is null).
import polars as pl

df = df.select(pl.concat_str(["segment", "country"]))
