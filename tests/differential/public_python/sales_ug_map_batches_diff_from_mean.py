# frame: sales
# source: https://docs.pola.rs/user-guide/expressions/user-defined-functions/ (user-defined-functions.py, "diff_from_mean")
# construct: map_batches, def, python_loop, group_by, agg, python_udf
# order: any
# Difference from the mean computed by a Python loop over a whole Series, per store.
import polars as pl


def diff_from_mean(series):
    total = 0
    for value in series:
        total += value
    mean = total / len(series)
    return pl.Series([value - mean for value in series])


df = df.select("store_id", pl.col("returns").cast(pl.Int64)).group_by("store_id").agg(
    pl.col("returns").map_batches(diff_from_mean, return_dtype=pl.Float64)
)
