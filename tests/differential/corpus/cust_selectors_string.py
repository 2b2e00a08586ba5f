# frame: customers
# Fill every string column with a placeholder using selectors.
import polars as pl
import polars.selectors as cs

df = df.with_columns(cs.string().fill_null("missing"))
