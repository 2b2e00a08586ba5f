# frame: houses
# Scalar summaries: a dot product, covariances (ddof 1 and 0), the entropy of the condition and
# zipcode distributions, used as constants in features.
import polars as pl

stats = df.select(
    pl.col("price").dot(pl.col("bedrooms")).alias("price_dot_bedrooms"),
    pl.cov("price", "sqft").alias("cov_price_sqft"),
    pl.cov(pl.col("price"), pl.col("lot_size"), ddof=0).alias("cov_price_lot"),
    pl.col("condition").drop_nulls().unique_counts().entropy().alias("condition_entropy"),
    pl.col("zipcode").unique_counts().entropy(base=2, normalize=True).alias("zip_entropy_bits"),
    pl.col("bedrooms").cast(pl.Float64).entropy(normalize=False).alias("bedrooms_raw_entropy"),
)
cov = stats["cov_price_sqft"].item()
df = df.with_columns(
    (pl.col("sqft") * cov / pl.col("sqft").var()).alias("beta_feature"),
    pl.lit(stats["zip_entropy_bits"].item()).alias("zip_entropy"),
    pl.col("price").dot("sqft").over("zipcode").alias("zip_price_dot_sqft"),
)
