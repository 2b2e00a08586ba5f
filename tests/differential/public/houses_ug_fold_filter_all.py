# frame: houses
# source: https://docs.pola.rs/user-guide/expressions/folds/ (user-guide/expressions/folds.py, "conditional")
# construct: filter, fold, lambda
# Keep rows where every (numeric) column is greater than 1, with a fold over booleans.
import polars as pl

df = df.select("bedrooms", "bathrooms")

df = df.filter(
    pl.fold(
        acc=pl.lit(True),
        function=lambda acc, x: acc & x,
        exprs=pl.all() > 1,
    )
)
