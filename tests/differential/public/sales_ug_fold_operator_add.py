# frame: sales
# source: https://docs.pola.rs/user-guide/expressions/folds/ (user-guide/expressions/folds.py, "mansum")
# construct: select, fold, sum_horizontal, operator
# Row-wise sum of two columns with pl.fold(operator.add) and with sum_horizontal.
import operator
import polars as pl

df = df.select(
    pl.fold(
        acc=pl.lit(0),
        function=operator.add,
        exprs=pl.col("units", "returns"),
    ).alias("sum_fold"),
    pl.sum_horizontal(pl.col("units", "returns")).alias("sum_horz"),
)
