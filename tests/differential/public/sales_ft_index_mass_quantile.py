# frame: sales
# source: github:functime-org/functime/functime/feature_extractors.py (index_mass_quantile, symmetry_looking, variation_coefficient, range_over_mean)
# construct: def, group_by, agg, cum_sum, set_sorted, cast, search_sorted, median, std
# Per store: where half of the cumulative units mass is reached, plus simple shape statistics.
import polars as pl


def index_mass_quantile(x, q):
    x_cumsum = x.abs().cum_sum().set_sorted()
    idx = x_cumsum.cast(pl.Float64).search_sorted(q * x_cumsum.max(), "left")
    return (idx + 1) / x.len()


def symmetry_looking(x, ratio=0.25):
    mean_median_difference = (x.mean() - x.median()).abs()
    max_min_difference = x.max() - x.min()
    return mean_median_difference < ratio * max_min_difference


def variation_coefficient(x):
    x_mean = x.mean()
    x_std = x.std(ddof=0)
    return x_std / x_mean


def range_over_mean(x):
    return (x.max() - x.min()) / x.mean()


x = pl.col("units").fill_null(0)
df = df.group_by("store_id", maintain_order=True).agg(
    index_mass_quantile(x, 0.5).alias("imq_50"),
    symmetry_looking(x).alias("symmetric"),
    variation_coefficient(x).alias("cv"),
    range_over_mean(x).alias("range_over_mean"),
)
