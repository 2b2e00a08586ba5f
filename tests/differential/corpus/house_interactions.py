# frame: houses
# Pairwise products of a few numeric columns (itertools combinations).
import itertools
import polars as pl

cols = ["sqft", "bedrooms", "bathrooms", "lot_size"]
df = df.with_columns(
    [(pl.col(a) * pl.col(b)).alias(f"{a}_x_{b}") for a, b in itertools.combinations(cols, 2)]
)
