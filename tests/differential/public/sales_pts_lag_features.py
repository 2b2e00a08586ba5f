# frame: sales
# source: github:drumtorben/polars-ts/polars_ts/features/lags.py (lag_features)
# construct: def, raise, sort, comprehension, shift, over
# Lags 1, 7 and 14 of the units within each store.
import polars as pl


def lag_features(df, lags, target_col="y", id_col="unique_id", time_col="ds"):
    if any(k <= 0 for k in lags):
        raise ValueError("All lag values must be positive integers")
    sorted_df = df.sort(id_col, time_col)
    lag_exprs = [pl.col(target_col).shift(k).over(id_col).alias(f"{target_col}_lag_{k}") for k in lags]
    return sorted_df.with_columns(lag_exprs)


df = lag_features(df, [1, 7, 14], target_col="units", id_col="store_id", time_col="date")
