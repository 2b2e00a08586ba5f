# frame: houses
# source: https://docs.pola.rs/api/python/stable/reference/api/polars.corr.html + polars.cov.html + Expr.dot.html (docstring examples)
# construct: select, corr, spearman, cov, dot, group_by
# Pearson and Spearman correlation, covariance and a dot product, overall and per zipcode.
import polars as pl

overall = df.select(
    pl.corr("price", "sqft").alias("pearson"),
    pl.corr("price", "sqft", method="spearman").alias("spearman"),
    pl.cov("price", "sqft").alias("cov"),
    pl.col("bedrooms").cast(pl.Float64).dot(pl.col("bathrooms")).alias("dot"),
)
per_zip = df.group_by("zipcode").agg(
    pl.corr("price", "sqft").alias("pearson"),
    pl.cov("lat", "lon", ddof=0).alias("cov_latlon"),
).sort("zipcode")
df = per_zip.join(overall, how="cross")
