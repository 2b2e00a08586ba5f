# frame: sales
# pl.reduce: the first expression is the start; the result takes the inputs' supertype.
import polars as pl

df = df.with_columns(
    pl.reduce(lambda a, b: a + b, [pl.col("units"), pl.col("returns")]).alias("units_plus_returns"),
    pl.reduce(function=lambda a, b: a * b, exprs=[pl.col("revenue"), pl.col("units")]).alias("revenue_x_units"),
    pl.reduce(lambda a, b: a + "/" + b, [pl.col("store_id").cast(pl.String), pl.col("date").cast(pl.String)]).alias("key"),
)
