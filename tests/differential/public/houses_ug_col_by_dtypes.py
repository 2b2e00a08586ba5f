# frame: houses
# source: https://docs.pola.rs/user-guide/expressions/expression-expansion/ (user-guide/expressions/expression-expansion.py, "col-with-dtypes")
# construct: with_columns, col_dtype, round
# Divide every Float32/Float64 column, selected by dtype.
import polars as pl

eur_usd_rate = 1.09
df = df.with_columns(
    (
        pl.col(
            pl.Float32,
            pl.Float64,
        )
        / eur_usd_rate
    ).round(2)
)
