# frame: sales
# source: https://docs.pola.rs/user-guide/expressions/folds/ (user-guide/expressions/folds.py, "mansum-explicit")
# construct: select, fold, operator
# A fold written out by hand next to pl.fold with the same function.
import operator
import polars as pl

acc = pl.lit(0)
f = operator.add

df = df.select(
    f(f(acc, pl.col("units")), pl.col("returns")),
    pl.fold(acc=acc, function=f, exprs=pl.col("units", "returns")).alias("sum_fold"),
)
