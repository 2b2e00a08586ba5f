# frame: transactions
# ewm_mean_by and interpolate_by with tied times in sorted order (unsorted ties make the script
# raise), nulls in the values and in ewm_mean_by's time, over the whole frame and per channel.
import polars as pl

df = df.with_columns(pl.col("ts").fill_null(pl.col("ts").max()).alias("t2")).sort("t2").with_columns(
    pl.col("amount").fill_nan(None).ewm_mean_by("ts", half_life="3d").alias("a_ewm"),
    pl.col("amount").fill_nan(None).ewm_mean_by("ts", half_life="36h").over("channel").alias("a_ewm_ch"),
    pl.col("amount").fill_nan(None).interpolate_by("t2").over("channel").alias("a_interp"),
    pl.col("discount").interpolate_by("t2").alias("d_interp32"),
)
