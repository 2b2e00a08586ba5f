# frame: houses
# source: https://docs.pola.rs/api/python/stable/reference/expressions/api/polars.struct.html (keyword-argument fields) + DataFrame.describe.html
# construct: struct, kwargs, struct_field, describe, percentiles
# A struct built from keyword arguments, and summary statistics of numeric columns.
import polars as pl

df = df.select(
    pl.struct(p=pl.col("price"), s=pl.col("sqft"), ppsf=pl.col("price") / pl.col("sqft")).alias("stats")
).unnest("stats").describe(percentiles=(0.1, 0.5, 0.9))
