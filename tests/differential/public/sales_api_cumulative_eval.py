# frame: sales
# source: https://docs.pola.rs/api/python/stable/reference/expressions/api/polars.Expr.cumulative_eval.html (docstring example)
# construct: select, cumulative_eval, element, first, last
# An expression evaluated on every expanding window: first value minus the square of the last.
import polars as pl

df = df.filter(pl.col("store_id") == 5).select(
    [
        pl.col("units").cumulative_eval(
            pl.element().first() - pl.element().last() ** 2
        )
    ]
)
