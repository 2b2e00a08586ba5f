# frame: sensors
# source: github:kevinheavey/modern-polars/book/performance.qmd (polars_transform)
# construct: def, select, over, mean, std
# Standardize a reading within its group through a helper returning an expression.
import polars as pl


def polars_transform() -> pl.Expr:
    v = pl.col("pressure")
    return (v - v.mean().over("device_id")) / v.std().over("device_id")


df = df.select(polars_transform())
