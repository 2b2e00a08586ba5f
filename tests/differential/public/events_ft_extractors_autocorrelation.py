# frame: events
# source: github:functime-org/functime/functime/feature_extractors.py (autocorrelation, c3, time_reversal_asymmetry_statistic)
# construct: def, raise, group_by, agg, slice, dot, shift, var, len
# Per user: autocorrelation at lag 7, the c3 statistic and time-reversal asymmetry.
import polars as pl


def autocorrelation(x, n_lags):
    if n_lags < 0:
        raise ValueError("Input `n_lags` must be >= 0")
    elif n_lags == 0:
        return 1.0
    mean = x.mean()
    var = x.var(ddof=0)
    range_ = x.len() - n_lags
    y1 = x.slice(0, length=range_) - mean
    y2 = x.slice(n_lags, length=None) - mean
    return y1.dot(y2) / (var * range_)


def c3(x, n_lags):
    twice_lag = 2 * n_lags
    return ((x.mul(x.shift(n_lags)).mul(x.shift(twice_lag))).sum()).truediv(
        x.len() - twice_lag
    )


def time_reversal_asymmetry_statistic(x, n_lags):
    one_lag = x.shift(-n_lags)
    two_lag = x.shift(-2 * n_lags)
    return (one_lag * (two_lag + x) * (two_lag - x)).mean()


x = pl.col("clicks").cast(pl.Float64)
df = df.group_by("user_id", maintain_order=True).agg(
    autocorrelation(x, 7).alias("acf_7"),
    c3(x, 2).alias("c3_2"),
    time_reversal_asymmetry_statistic(x, 1).alias("tras_1"),
)
