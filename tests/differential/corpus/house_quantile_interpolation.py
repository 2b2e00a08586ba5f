# frame: houses
# Quantiles with different interpolation methods, as window expressions.
import polars as pl

df = df.with_columns(
    pl.col("price").quantile(0.9, "linear").over("zipcode").alias("zip_p90_linear"),
    pl.col("price").quantile(0.5, interpolation="lower").over("zipcode").alias("zip_p50_lower"),
)
