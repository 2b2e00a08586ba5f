# frame: events
# source: github:kevinheavey/modern-polars/book/timeseries.qmd (group_by_dynamic every="1w", start_by="friday")
# construct: filter, set_sorted, group_by_dynamic, start_by, col_dtype, name
# Weekly (Friday to Thursday) mean and sum of the float columns.
import polars as pl

ohlcv_pl = df.filter(pl.col("user_id") == "u02").set_sorted("day")
df = (
    ohlcv_pl
    .group_by_dynamic("day", every="1w", start_by="friday")
    .agg([
        pl.col(pl.Float64).mean().name.suffix("_mean"),
        pl.col(pl.Float64).sum().name.suffix("_sum")
    ])
)
