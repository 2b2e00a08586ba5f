# frame: sensors
# source: github:PacktPublishing/Polars-Cookbook/Chapter05/ch05.ipynb (Filling missing values)
# construct: select, kwargs, fill_null, strategy, interpolate, nearest, median, forward_fill, backward_fill, limit
# Every null-filling variant of the cookbook on one column.
import polars as pl

df = df.select(
    "humidity",
    forward_filled=pl.col("humidity").fill_null(strategy="forward"),
    backward_filled=pl.col("humidity").fill_null(strategy="backward"),
    mean_filled=pl.col("humidity").fill_null(strategy="mean"),
    min_filled=pl.col("humidity").fill_null(strategy="min"),
    max_filled=pl.col("humidity").fill_null(strategy="max"),
    interpolated_linear=pl.col("humidity").interpolate(),
    interpolated_nearest=pl.col("humidity").interpolate(method="nearest"),
    median_filled=pl.col("humidity").fill_null(pl.col("humidity").median()),
    range_filled=pl.col("humidity").fill_null(pl.col("humidity").max() - pl.col("humidity").min()),
    forward_fill_1=pl.col("humidity").forward_fill(limit=1),
    backward_fill_2=pl.col("humidity").backward_fill(limit=2),
)
