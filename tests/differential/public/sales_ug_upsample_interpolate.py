# frame: sales
# source: https://docs.pola.rs/user-guide/transformations/time-series/resampling/ (user-guide/transformations/time-series/resampling.py, "upsample2")
# construct: upsample, interpolate, fill_null
# One store's series upsampled to every day, numbers interpolated, the rest forward filled.
import polars as pl

df = df.filter(pl.col("store_id") == 3).select("date", "store_id", "units", "revenue")
df = (
    df.upsample(time_column="date", every="1d")
    .interpolate()
    .fill_null(strategy="forward")
)
