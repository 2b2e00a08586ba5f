# frame: sales
# Weighted score over lags with enumerate.
import polars as pl

df = df.sort("store_id", "date")
weights = [0.5, 0.3, 0.2]
score = pl.lit(0.0)
for i, w in enumerate(weights):
    score = score + w * pl.col("units").shift(i + 1).over("store_id")
df = df.with_columns(score.alias("weighted_recent_units"))
