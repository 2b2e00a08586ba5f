# frame: houses
# source: https://docs.pola.rs/user-guide/expressions/missing-data/ (user-guide/expressions/missing-data.py, "fillexpr")
# construct: with_columns, fill_null, cast
# Fill missing sqft from another column computed as an expression.
import polars as pl

df = df.with_columns(
    pl.col("sqft").fill_null((700 * pl.col("bedrooms")).cast(pl.Int32)),
)
