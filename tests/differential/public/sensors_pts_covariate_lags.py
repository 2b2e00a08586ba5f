# frame: sensors
# source: github:drumtorben/polars-ts/polars_ts/features/lags.py (covariate_lag_features)
# construct: def, sort, nested_comprehension, shift, over
# Lags of several covariates per device from a two-level comprehension.
import polars as pl


def covariate_lag_features(df, covariate_cols, lags, id_col="unique_id", time_col="ds"):
    sorted_df = df.sort(id_col, time_col)
    lag_exprs = [pl.col(col).shift(k).over(id_col).alias(f"{col}_lag_{k}") for col in covariate_cols for k in lags]
    return sorted_df.with_columns(lag_exprs)


df = covariate_lag_features(df, ["humidity", "pressure"], [1, 3], id_col="device_id", time_col="reading_time")
