# frame: sensors
# source: github:functime-org/functime/functime/feature_extractors.py (absolute_energy, absolute_maximum, absolute_sum_of_changes, mean_abs_change)
# construct: def, group_by, agg, dot, max_horizontal, diff, null_behavior
# Per device: absolute energy, absolute maximum, and sum/mean of absolute changes.
import polars as pl


def absolute_energy(x):
    return x.dot(x)


def absolute_maximum(x):
    return pl.max_horizontal(x.min().abs(), x.max().abs())


def absolute_sum_of_changes(x):
    return x.diff(n=1, null_behavior="drop").abs().sum()


def mean_abs_change(x):
    return x.diff(null_behavior="drop").abs().mean()


x = pl.col("pressure")
df = df.group_by("device_id", maintain_order=True).agg(
    absolute_energy(x).alias("absolute_energy"),
    absolute_maximum(x).alias("absolute_maximum"),
    absolute_sum_of_changes(x).alias("absolute_sum_of_changes"),
    mean_abs_change(x).alias("mean_abs_change"),
)
