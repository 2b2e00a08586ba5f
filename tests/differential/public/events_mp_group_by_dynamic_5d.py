# frame: events
# source: github:kevinheavey/modern-polars/book/timeseries.qmd (group_by_dynamic every="5d")
# construct: filter, set_sorted, group_by_dynamic, col_dtype
# Five-day means of the float columns of one user's daily series.
import polars as pl

ohlcv_pl = df.filter(pl.col("user_id") == "u01").set_sorted("day")
df = (
    ohlcv_pl
    .group_by_dynamic("day", every="5d")
    .agg(pl.col(pl.Float64).mean())
)
