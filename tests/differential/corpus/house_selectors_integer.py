# frame: houses
# Cast all integer columns to Float64 and double them using selectors.
import polars as pl
import polars.selectors as cs

df = df.with_columns(cs.integer().cast(pl.Float64))
df = df.with_columns((cs.by_name("sqft", "bedrooms") * 2).name.suffix("_x2"))
