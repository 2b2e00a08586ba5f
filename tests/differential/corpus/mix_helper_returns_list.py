# frame: sensors
# A helper that returns a list of expressions for one signal.
import polars as pl


def window_features(col, sizes=(3, 6)):
    exprs = []
    for size in sizes:
        exprs.append(pl.col(col).rolling_mean(size).over("device_id").alias(f"{col}_mean_{size}"))
        exprs.append(pl.col(col).rolling_max(size).over("device_id").alias(f"{col}_max_{size}"))
    return exprs


df = df.sort("device_id", "reading_time")
df = df.with_columns(window_features("pressure") + window_features("battery", sizes=(4,)))
