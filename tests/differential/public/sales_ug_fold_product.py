# frame: sales
# source: https://docs.pola.rs/user-guide/expressions/folds/ (user-guide/expressions/folds.py, "manprod-fixed")
# construct: select, fold, operator
# Row-wise product of two columns with a fold that starts at 1.
import operator
import polars as pl

df = df.select(
    pl.fold(
        acc=pl.lit(1),
        function=operator.mul,
        exprs=pl.col("units", "returns"),
    ).alias("prod"),
)
