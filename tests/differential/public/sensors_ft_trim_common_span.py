# frame: sensors
# source: github:functime-org/functime/functime/preprocessing.py (trim)
# construct: filter, min, max, over
# Keep only the time span that every device covers.
import polars as pl

entity_col, time_col = df.columns[:2]
start = pl.col(time_col).min().over(entity_col).max()
end = pl.col(time_col).max().over(entity_col).min()
df = df.filter((pl.col(time_col) >= start) & (pl.col(time_col) <= end))
