# frame: events
# source: github:kevinheavey/modern-polars/book/timeseries.qmd (mean_std_pl)
# construct: select, rolling, center
# Centered 30-day rolling mean and standard deviation.
import polars as pl

ohlcv_pl = df.filter(pl.col("user_id") == "u04")
df = ohlcv_pl.select(
    [
        "day",
        pl.col("value").rolling_mean(30, center=True).alias("mean"),
        pl.col("value").rolling_std(30, center=True).alias("std"),
    ]
)
