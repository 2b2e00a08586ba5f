# frame: events
# source: github:tdiprima/modern-dataframes/src/polars_advanced_techniques/rolling_functions.py
# construct: with_columns, rolling, min_samples, window_size
# Three-day average (partial windows allowed) and three-day standard deviation.
import polars as pl

df = df.filter(pl.col("user_id") == "u02").with_columns([
    pl.col("value")
    .rolling_mean(window_size=3, min_samples=1)
    .alias("three_day_value_avg"),
    pl.col("value")
    .rolling_std(window_size=3)
    .alias("value_fluctuation")
])
