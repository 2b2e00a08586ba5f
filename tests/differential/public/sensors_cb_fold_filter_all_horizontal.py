# frame: sensors
# source: github:PacktPublishing/Polars-Cookbook/Chapter04/ch04.ipynb (fold with acc & col; all_horizontal)
# construct: filter, fold, lambda, all_horizontal, concat
# Rows where every reading is above a threshold, by a boolean fold and by all_horizontal.
import polars as pl

cols = ["temperature", "pressure", "battery"]
a = (
    df
    .filter(
        pl.fold(
            acc=pl.lit(True),
            function=lambda acc, col: acc & col,
            exprs=pl.col(cols) > 15
        )
    )
)
b = (
    df
    .filter(
        pl.all_horizontal(pl.col(cols) > 15)
    )
)
df = pl.concat([a, b])
