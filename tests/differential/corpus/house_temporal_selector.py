# frame: houses
# Year and month of every temporal column via cs.temporal().
import polars as pl
import polars.selectors as cs

df = df.with_columns(
    cs.temporal().dt.year().name.suffix("_year"),
    cs.temporal().dt.month().name.suffix("_month"),
)
