# frame: stores
# Fill every column's nulls with a dtype-appropriate value using selectors.
import polars as pl
import polars.selectors as cs

df = df.with_columns(
    cs.numeric().fill_null(0),
    cs.string().fill_null(""),
)
