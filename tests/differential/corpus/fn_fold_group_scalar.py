# frame: houses
# order: any
# A fold inside group_by().agg() that returns one value per group (returns_scalar=True).
import polars as pl

df = df.group_by("condition").agg(
    pl.fold(pl.lit(0), lambda acc, x: acc + x.sum(), [pl.col("bedrooms"), pl.col("sqft")], returns_scalar=True).alias("total"),
    pl.len().alias("n"),
)
