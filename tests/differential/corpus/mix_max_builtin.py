# frame: houses
# Python builtins min/max/abs/sum on scalars to parameterize features.
import polars as pl

years = [int(y) for y in [df["year_built"].min(), df["year_built"].max()]]
span = max(years) - min(years)
pad = abs(-5)
weights = [1, 2, 3]
total_w = sum(weights)
df = df.with_columns(
    ((pl.col("year_built") - min(years) + pad) / (span + pad)).alias("year_scaled"),
    ((pl.col("bedrooms") * weights[0] + pl.col("bathrooms") * weights[1]) / total_w).alias("room_score"),
)
