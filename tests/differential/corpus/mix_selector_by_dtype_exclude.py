# frame: customers
# Selectors by dtype, matches and exclusion.
import polars as pl
import polars.selectors as cs

df = df.select(
    cs.by_dtype(pl.Int16, pl.Int32),
    cs.matches("^(segment|country)$"),
    cs.date(),
    cs.all() - cs.numeric() - cs.string() - cs.date(),
)
