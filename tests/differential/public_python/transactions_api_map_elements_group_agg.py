# frame: transactions
# source: https://docs.pola.rs/api/python/stable/reference/expressions/api/polars.Expr.map_elements.html (group_by context; Polars 2.x moved returns_scalar to map_batches)
# construct: group_by, agg, map_batches, lambda, series_methods, python_udf, returns_scalar
# order: any
# A Python lambda called with each group's Series inside an aggregation.
import polars as pl

df = df.group_by("channel").agg(
    pl.col("amount").map_batches(lambda s: s.drop_nans().drop_nulls().sort().tail(3).sum(), return_dtype=pl.Float64, returns_scalar=True).alias("top3_sum")
)
