# frame: sales
# source: https://docs.pola.rs/api/python/stable/reference/api/polars.cum_fold.html (docstring example)
# construct: with_columns, cum_fold, lambda, struct, unnest
# Running horizontal sums across columns, returned as a struct of partial sums.
import polars as pl

df = df.select("units", "returns").with_columns(
    pl.cum_fold(acc=pl.lit(1), function=lambda acc, x: acc + x, exprs=pl.all())
)
