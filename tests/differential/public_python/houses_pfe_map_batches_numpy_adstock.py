# frame: houses
# source: github:AdrianAntico/PolarsFE/PolarsFE/window.py (adstock: NumPy weights convolved over a series)
# construct: map_batches, lambda, numpy, convolve, to_numpy, python_udf
# A NumPy convolution with decaying weights applied to a whole column.
import numpy as np
import polars as pl


def adstock(series: np.ndarray, lag, total_duration, alpha):
    raw_weights = np.zeros(total_duration)
    for d in range(1, total_duration + 1):
        raw_weights[d - 1] = 0 if d <= lag else alpha ** (d - lag)
    weights = raw_weights / raw_weights.sum()
    return np.convolve(series, weights)[: len(series)]


df = df.sort("house_id").select(
    "house_id",
    pl.col("price").map_batches(lambda s: pl.Series(adstock(s.to_numpy(), 1, 5, 0.5)), return_dtype=pl.Float64).alias("adstock"),
)
