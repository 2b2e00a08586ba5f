# frame: houses
# Tuple unpacking of scalars and zip over names and expressions.
import polars as pl

lo, hi = df["price"].min(), df["price"].max()
names = ["price_norm", "price_centered"]
exprs = [(pl.col("price") - lo) / (hi - lo), pl.col("price") - (lo + hi) / 2]
for name, expr in zip(names, exprs):
    df = df.with_columns(expr.alias(name))
