# frame: houses
# source: https://docs.pola.rs/user-guide/expressions/expression-expansion/ (user-guide/expressions/expression-expansion.py, "for-with_columns")
# construct: loop, with_columns, fstring
# A Python loop that adds one column per name, reading the frame it rebinds.
import polars as pl

result = df
for tp in ["lat", "lon"]:
    result = result.with_columns(
        (pl.col(tp) - pl.col(tp).min()).alias(f"{tp}_amplitude")
    )
df = result
