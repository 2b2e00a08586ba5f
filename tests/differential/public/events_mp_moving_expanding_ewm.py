# frame: events
# source: github:kevinheavey/modern-polars/book/timeseries.qmd (28D MA, Expanding Average, EWMA)
# construct: select, rolling, cum_sum, cum_count, ewm, alias_mid_chain
# Raw value, 28-day moving average, expanding average and an exponentially weighted mean.
import polars as pl

ohlcv_pl = df.filter(pl.col("user_id") == "u01")
close = pl.col("value")
df = ohlcv_pl.select(
    [
        pl.col("day"),
        close.alias("Raw"),
        close.rolling_mean(28).alias("28D MA"),
        close.alias("Expanding Average").cum_sum() / (close.cum_count() + 1),
        close.ewm_mean(alpha=0.03).alias("EWMA($\\alpha=.03$)"),
    ]
)
