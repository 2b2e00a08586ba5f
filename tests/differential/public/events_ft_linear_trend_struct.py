# frame: events
# source: github:functime-org/functime/functime/feature_extractors.py (linear_trend)
# construct: def, group_by, agg, int_range, dot, var, struct, unnest
# Per user slope, intercept and residual sum of squares of a linear fit over the row index.
import polars as pl


def linear_trend(x):
    m = x.len() - 1
    x_range = pl.int_range(0, x.len())
    x_range_mean = m / 2
    beta = (x - x.mean()).dot(x_range - x_range_mean) / (m * x_range.var())
    alpha = x.mean() - beta * x_range_mean
    resid = x - (beta * x_range + alpha)
    return pl.struct(
        beta.alias("slope"), alpha.alias("intercept"), resid.dot(resid).alias("rss")
    )


df = (
    df.drop_nulls("value")
    .group_by("user_id", maintain_order=True)
    .agg(linear_trend(pl.col("value")).alias("trend"))
    .unnest("trend")
)
