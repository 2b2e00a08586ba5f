# frame: events
# source: github:kevinheavey/modern-polars/book/timeseries.qmd (ohlcv_pl.upsample("time", every="6h"))
# construct: filter, cast, set_sorted, upsample
# One user's daily series upsampled to 6-hour steps (new rows are null).
import polars as pl

ohlcv_pl = (
    df.filter(pl.col("user_id") == "u03")
    .select(pl.col("day").cast(pl.Datetime), "value", "clicks")
    .set_sorted("day")
)
df = ohlcv_pl.upsample("day", every="6h")
