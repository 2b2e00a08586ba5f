# frame: sensors
# source: github:wukan1986/polars_ta/polars_ta/wq/time_series.py (ts_arg_max: x.map_batches(lambda x1: batches_i1_o1(x1.to_numpy(), roll_argmax, d, minp, reverse, dtype=UInt16)))
# construct: map_batches, lambda, numpy, to_numpy, sliding_window, python_udf, over
# Days since the rolling maximum, computed in NumPy on each device's batch.
import numpy as np
import polars as pl
from polars import UInt16


def roll_argmax(a, d, minp, reverse):
    out = np.full(len(a), np.nan)
    for i in range(len(a)):
        w = a[max(0, i - d + 1): i + 1]
        if np.sum(~np.isnan(w)) >= minp and len(w) == d:
            k = int(np.nanargmax(w))
            out[i] = (len(w) - 1 - k) if reverse else k
    return out


def batches_i1_o1(x1, func, *args, dtype=None):
    return pl.Series(func(x1.astype(float), *args), nan_to_null=True).cast(dtype)


def ts_arg_max(x, d=5, reverse=True, min_samples=None):
    minp = min_samples or d
    return x.map_batches(lambda x1: batches_i1_o1(x1.to_numpy(), roll_argmax, d, minp, reverse, dtype=UInt16), return_dtype=UInt16)


df = df.with_columns(ts_arg_max(pl.col("pressure"), 5).over("device_id").alias("HHVBAR_005"))
