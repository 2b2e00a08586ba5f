# frame: events
# source: github:tdiprima/modern-dataframes/src/polars_advanced_techniques/map_batches.py
# construct: map_batches, def, numpy, percentile, list_column, python_udf
# The 80th percentile of each row's list computed with NumPy in a Python loop.
import numpy as np
import polars as pl


def calculate_percentile(series):
    return pl.Series([np.percentile(x, 80) if x is not None and len(x) else None for x in series])


df = df.select("event_id", "scores").with_columns(
    pl.col("scores").list.drop_nulls().map_batches(calculate_percentile, return_dtype=pl.Float64).alias("p80")
)
