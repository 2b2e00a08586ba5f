# frame: houses
# Several filters in a chain with is_in and a negated condition.
import polars as pl

df = (
    df.filter(pl.col("price") > 0)
    .filter(~pl.col("condition").is_in(["poor"]))
    .filter(pl.col("year_built").is_not_null() & (pl.col("sqft") >= 600))
)
