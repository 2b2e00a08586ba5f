# frame: houses
# Expr.pipe: a def that takes an expression and returns one.
import polars as pl


def zscore(e):
    return (e - e.mean()) / e.std()


def clipped(e, low, high):
    return e.clip(low, high)


df = df.with_columns(
    pl.col("price").pipe(zscore).alias("price_z"),
    pl.col("sqft").pipe(clipped, 500, 3000).alias("sqft_clipped"),
    pl.col("lot_size").pipe(lambda e: e.log1p()).alias("lot_log"),
)
