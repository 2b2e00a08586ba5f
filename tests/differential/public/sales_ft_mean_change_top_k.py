# frame: sales
# source: github:functime-org/functime/functime/feature_extractors.py (mean_change, mean_n_absolute_max, mean_second_derivative_central, number_crossings)
# construct: def, group_by, agg, when_then, first, last, top_k, head, tail, diff, shift
# Per store: mean change, mean of the 3 largest |units|, central second derivative, crossings of 40.
import numpy as np
import polars as pl


def mean_change(x):
    return (
        pl.when(x.len() > 1)
        .then((x.last() - x.first()) / (x.len() - 1))
        .otherwise(0)
    )


def mean_n_absolute_max(x, n_maxima):
    if n_maxima <= 0:
        raise ValueError("The number of maxima should be > 0.")
    return x.abs().top_k(n_maxima).mean()


def mean_second_derivative_central(x):
    return (
        pl.when(x.len() < 3)
        .then(np.nan)
        .otherwise(x.tail(2).sub(x.head(2)).diff().last() / (2 * (x.len() - 2)))
    )


def number_crossings(x, crossing_value=0.0):
    y = x > crossing_value
    return y.eq(y.shift(1)).not_().sum()


x = pl.col("units").fill_null(0)
df = df.group_by("store_id", maintain_order=True).agg(
    mean_change(x).alias("mean_change"),
    mean_n_absolute_max(x, 3).alias("mean_3_abs_max"),
    mean_second_derivative_central(x.cast(pl.Float64)).alias("msdc"),
    number_crossings(x, 40).alias("crossings_40"),
)
