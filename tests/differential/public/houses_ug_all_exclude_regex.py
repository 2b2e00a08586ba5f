# frame: houses
# source: https://docs.pola.rs/user-guide/expressions/expression-expansion/ (user-guide/expressions/expression-expansion.py, "all-exclude" + "col-exclude")
# construct: select, exclude, col_dtype
# All columns but those matching a regex, and Float64 columns without the regex ones.
import polars as pl

df = df.select(pl.all().exclude("^la.*$"), pl.col(pl.Float64).exclude("^la.*$").name.suffix("_f"))
