# frame: houses
# source: https://docs.pola.rs/user-guide/expressions/expression-expansion/ (user-guide/expressions/expression-expansion.py, "col-with-names")
# construct: with_columns, multi_col, round
# Convert several money/size columns at once with one expression over many names.
import polars as pl

eur_usd_rate = 1.09  # As of 14th October 2024
df = df.with_columns(
    (
        pl.col(
            "price",
            "lot_size",
            "lat",
            "lon",
        )
        / eur_usd_rate
    ).round(2)
)
