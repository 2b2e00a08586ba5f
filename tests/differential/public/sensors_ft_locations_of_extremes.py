# frame: sensors
# source: github:functime-org/functime/functime/feature_extractors.py (first/last_location_of_maximum/minimum, has_duplicate_max, large_standard_deviation)
# construct: def, group_by, agg, arg_max, arg_min, reverse, len, std
# Relative positions of the first/last maximum and minimum, and two boolean shape tests.
import polars as pl


def first_location_of_maximum(x):
    return x.arg_max() / x.len()


def first_location_of_minimum(x):
    return x.arg_min() / x.len()


def last_location_of_maximum(x):
    return 1.0 - (x.reverse().arg_max()) / x.len()


def has_duplicate_max(x):
    return (x == x.max()).sum() > 1


def large_standard_deviation(x, ratio=0.25):
    x_std = x.std()
    x_interval = x.max() - x.min()
    return x_std > (ratio * x_interval)


x = pl.col("pressure")
df = df.group_by("device_id", maintain_order=True).agg(
    first_location_of_maximum(x).alias("first_max"),
    first_location_of_minimum(x).alias("first_min"),
    last_location_of_maximum(x).alias("last_max"),
    has_duplicate_max(pl.col("battery")).alias("dup_max_battery"),
    large_standard_deviation(x).alias("large_std"),
)
