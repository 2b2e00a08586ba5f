# frame: reviews
# Weighted rating: verified reviews count double.
import polars as pl

weight = pl.when(pl.col("verified")).then(2.0).otherwise(1.0)
df = df.with_columns(
    weight.alias("weight"),
    ((pl.col("rating") * weight).sum().over("product_id") / weight.filter(pl.col("rating").is_not_null()).sum().over("product_id")).alias("weighted_product_rating"),
)
