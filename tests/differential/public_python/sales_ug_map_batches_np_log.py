# frame: sales
# source: https://docs.pola.rs/user-guide/expressions/user-defined-functions/ (user-defined-functions.py, "np_log")
# construct: map_batches, numpy, python_udf
# A NumPy function applied to a whole column through map_batches.
import numpy as np
import polars as pl

df = df.select(pl.col("returns").cast(pl.Float64).map_batches(np.log1p, return_dtype=pl.Float64))
