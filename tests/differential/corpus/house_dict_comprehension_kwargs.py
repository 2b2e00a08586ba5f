# frame: houses
# Dict comprehension of squared features passed as **kwargs.
import polars as pl

base = ["sqft", "bathrooms", "year_built"]
df = df.with_columns(**{f"{c}_sq": pl.col(c).cast(pl.Float64) ** 2 for c in base})
