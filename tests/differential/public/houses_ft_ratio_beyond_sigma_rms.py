# frame: houses
# source: github:functime-org/functime/functime/feature_extractors.py (range_count, ratio_beyond_r_sigma, ratio_n_unique_to_length, root_mean_square, harmonic_mean)
# construct: def, raise, group_by, agg, is_between, closed, std, n_unique, dot, sqrt
# Per zipcode: count in a price band, share beyond 0.25 sigma, uniqueness, RMS and harmonic mean.
import polars as pl


def range_count(x, lower, upper, closed="left"):
    if upper < lower:
        raise ValueError("Upper must be greater than lower.")
    return x.is_between(lower_bound=lower, upper_bound=upper, closed=closed).sum()


def ratio_beyond_r_sigma(x, ratio=0.25):
    return (
        x.is_between(
            x.mean() - pl.lit(ratio) * x.std(ddof=0),
            x.mean() + pl.lit(ratio) * x.std(ddof=0),
            closed="both",
        )
        .not_()
        .sum()
        / x.len()
    )


def ratio_n_unique_to_length(x):
    return x.n_unique() / x.len()


def root_mean_square(x):
    return (x.dot(x) / x.count()).sqrt()


def harmonic_mean(x):
    return x.len() / (1.0 / x).sum()


x = pl.col("price")
df = df.group_by("zipcode").agg(
    range_count(x, 200_000, 600_000).alias("n_mid_price"),
    ratio_beyond_r_sigma(x).alias("beyond_sigma"),
    ratio_n_unique_to_length(pl.col("bedrooms")).alias("uniq_bedrooms"),
    root_mean_square(x).alias("rms"),
    harmonic_mean(pl.col("bathrooms")).alias("hmean_baths"),
).sort("zipcode")
