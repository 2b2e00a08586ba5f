# frame: houses
# source: github:abstractqqq/polars_ds_extension/python/polars_ds/pipeline/transforms.py (impute, method="mean"/"median")
# construct: lazy, collect, row, zip, comprehension, fill_null
# Fill nulls with column means computed once and read back as Python numbers with .row(0).
import polars as pl

cols = ["sqft", "bathrooms", "year_built"]
temp = df.lazy().select(pl.col(cols).mean()).collect().row(0)
exprs = [pl.col(c).fill_null(m) for c, m in zip(cols, temp)]
temp = df.lazy().select(pl.col(cols).median()).collect().row(0)
exprs_median = [pl.col(c).fill_null(m).alias(c + "_median_filled") for c, m in zip(cols, temp)]
df = df.with_columns(exprs + exprs_median)
