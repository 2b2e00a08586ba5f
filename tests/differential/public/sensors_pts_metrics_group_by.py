# frame: sensors
# source: github:drumtorben/polars-ts/polars_ts/metrics/forecast.py (mae, rmse, smape with id_col)
# construct: def, group_by, agg, sort, abs, sqrt, filter
# Per-device MAE, RMSE and sMAPE of a naive (previous reading) forecast.
import polars as pl


def mae(df, actual_col="y", predicted_col="y_hat", id_col=None):
    expr = (pl.col(actual_col) - pl.col(predicted_col)).abs().mean().alias("mae")
    if id_col is not None:
        return df.group_by(id_col).agg(expr).sort(id_col)
    return df.select(expr).item()


def rmse(df, actual_col="y", predicted_col="y_hat", id_col=None):
    expr = ((pl.col(actual_col) - pl.col(predicted_col)) ** 2).mean().sqrt().alias("rmse")
    if id_col is not None:
        return df.group_by(id_col).agg(expr).sort(id_col)
    return df.select(expr).item()


def smape(df, actual_col="y", predicted_col="y_hat", id_col=None):
    denom = pl.col(actual_col).abs() + pl.col(predicted_col).abs()
    filtered = df.filter(denom != 0)
    expr = (2 * (pl.col(actual_col) - pl.col(predicted_col)).abs() / denom).mean().alias("smape")
    if id_col is not None:
        return filtered.group_by(id_col).agg(expr).sort(id_col)
    return filtered.select(expr).item()


fc = df.with_columns(pl.col("pressure").shift(1).over("device_id").alias("y_hat"))
df = (
    mae(fc, "pressure", id_col="device_id")
    .join(rmse(fc, "pressure", id_col="device_id"), on="device_id")
    .join(smape(fc, "pressure", id_col="device_id"), on="device_id")
    .with_columns(overall_mae=pl.lit(mae(fc, "pressure")))
)
