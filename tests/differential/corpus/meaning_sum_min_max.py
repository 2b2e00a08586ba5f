# frame: houses
# `sum`, `min`, `max` by meaning: the Python builtins on numbers, the Python builtin `sum` over
# expressions (folded with +), pl.sum / pl.min / pl.max of columns, and the Expr methods.
import polars as pl

cols = ["price", "lot_size"]
weights = [2, 3, 5]
df = df.select(
    pl.lit(sum(weights)).alias("py_sum"),
    pl.lit(min(weights)).alias("py_min"),
    pl.lit(max(3.5, 1, 2)).alias("py_max"),
    sum(pl.col(c) for c in cols).alias("builtin_sum_of_exprs"),
    pl.sum("price").alias("pl_sum"),
    pl.min("sqft").alias("pl_min"),
    pl.max("year_built").alias("pl_max"),
    pl.col("bathrooms").sum().alias("expr_sum"),
    pl.col("bedrooms").min().alias("expr_min"),
    pl.col("bedrooms").max().alias("expr_max"),
)
