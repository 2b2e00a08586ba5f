# frame: events
# source: github:lorecampa/jane_street_forecasting/prj/utils.py (reduce_mem_usage, "List types" branch)
# construct: def, loop, series_dtype, list_dtype_compare, list, numpy, iinfo, cast
# Downcast integer and list-of-integer columns by their range.
import numpy as np
import polars as pl


def reduce_mem_usage(df):
    for col in df.columns:
        col_type = df[col].dtype
        if col_type in [pl.Int16, pl.Int32, pl.Int64]:
            c_min = df[col].fill_null(0).min()
            c_max = df[col].fill_null(0).max()
            if c_min > np.iinfo(np.int8).min and c_max < np.iinfo(np.int8).max:
                df = df.with_columns(pl.col(col).cast(pl.Int8))
            elif c_min > np.iinfo(np.int16).min and c_max < np.iinfo(np.int16).max:
                df = df.with_columns(pl.col(col).cast(pl.Int16))
        elif col_type in [pl.List(pl.Int16), pl.List(pl.Int32), pl.List(pl.Int64)]:
            c_min = df[col].list.min().min()
            c_max = df[col].list.max().max()
            if c_min > np.iinfo(np.int8).min and c_max < np.iinfo(np.int8).max:
                df = df.with_columns(pl.col(col).cast(pl.List(pl.Int8)))
            elif c_min > np.iinfo(np.int16).min and c_max < np.iinfo(np.int16).max:
                df = df.with_columns(pl.col(col).cast(pl.List(pl.Int16)))
    return df


df = reduce_mem_usage(df.select("event_id", "clicks", "scores"))
