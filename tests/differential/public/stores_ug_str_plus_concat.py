# frame: stores
# source: https://docs.pola.rs/user-guide/expressions/strings/ (user-guide/expressions/strings.py, "concat")
# construct: with_columns, str
# City and region joined with `+` on string expressions, as a keyword column.
import polars as pl

df = df.with_columns(
    full_location=pl.col("city") + pl.lit(" ") + pl.col("region"),
)
