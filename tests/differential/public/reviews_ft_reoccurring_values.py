# frame: reviews
# source: github:functime-org/functime/functime/feature_extractors.py (percent_reoccurring_points, percent_reoccurring_values, sum_reoccurring_points, sum_reoccurring_values)
# construct: def, group_by, agg, is_unique, unique_counts, filter, meta, value_counts, struct
# Per product: reoccurring ratings as shares and sums.
import polars as pl


def percent_reoccurring_points(x):
    return 1 - x.is_unique().sum() / x.len()


def percent_reoccurring_values(x):
    count = x.unique_counts()
    return (count > 1).sum() / count.len()


def sum_reoccurring_points(x):
    return x.filter(~x.is_unique()).sum()


def sum_reoccurring_values(x):
    name = x.meta.output_name() or "_"
    vc = x.value_counts(sort=True)
    return vc.filter(vc.struct.field("count") > 1).struct.field(name).sum()


x = pl.col("helpful_votes")
df = df.group_by("product_id").agg(
    percent_reoccurring_points(x).alias("pct_points"),
    percent_reoccurring_values(x).alias("pct_values"),
    sum_reoccurring_points(x).alias("sum_points"),
    sum_reoccurring_values(x).alias("sum_values"),
).sort("product_id")
