# frame: houses
# source: github:PacktPublishing/Polars-Cookbook/Chapter03/ch03.ipynb (Detecting and handling outliers, z-score)
# construct: with_columns, kwargs, mean, std, filter, not_
# Add a z-score and drop rows more than 3 standard deviations away.
import polars as pl

df_zscore = df.with_columns(
    price_zscore=(pl.col("price") - pl.col("price").mean()) / pl.col("price").std()
)
is_outlier_z_score = (pl.col("price_zscore") > 3) | (pl.col("price_zscore") < -3)
df = df_zscore.filter(is_outlier_z_score.not_())
