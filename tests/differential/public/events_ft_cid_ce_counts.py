# frame: events
# source: github:functime-org/functime/functime/feature_extractors.py (cid_ce, count_above, count_above_mean, count_below_mean)
# construct: def, group_by, agg, shift, dot, sqrt, std, mean, sum, len
# Per user: complexity estimate (normalized), % above 50 and counts around the mean.
import polars as pl


def cid_ce(x, normalize=False):
    if normalize:
        y = (x - x.mean()) / x.std(ddof=0)
    else:
        y = x
    z = y - y.shift(-1)
    return (z.dot(z)).sqrt()


def count_above(x, threshold=0.0):
    return 100 * (x >= threshold).sum() / x.len()


def count_above_mean(x):
    return (x > x.mean()).sum()


def count_below_mean(x):
    return (x < x.mean()).sum()


x = pl.col("value")
df = df.group_by("user_id", maintain_order=True).agg(
    cid_ce(x, normalize=True).alias("cid_ce"),
    count_above(x, 50.0).alias("pct_above_50"),
    count_above_mean(x).alias("n_above_mean"),
    count_below_mean(x).alias("n_below_mean"),
)
