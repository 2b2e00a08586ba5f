# frame: sales
# source: https://docs.pola.rs/user-guide/transformations/time-series/resampling/ (user-guide/transformations/time-series/resampling.py, "upsample")
# construct: upsample, fill_null
# One store's series upsampled to every day, gaps forward filled.
import polars as pl

df = df.filter(pl.col("store_id") == 3)
df = df.upsample(time_column="date", every="1d").fill_null(strategy="forward")
