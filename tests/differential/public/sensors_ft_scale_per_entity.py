# frame: sensors
# source: github:functime-org/functime/functime/preprocessing.py (scale, rescale_bool=True)
# construct: lazy, def, selectors, group_by, agg, name, join, comprehension, col_dtype, cast
# Standardize the numeric columns within each device via joined group means/stds; booleans to -1/+1.
import polars as pl
import polars.selectors as cs


def PL_NUMERIC_COLS(*exclude):
    return cs.numeric() - cs.by_name(exclude)


X = df.lazy().with_columns((pl.col("status") == "ok").alias("is_ok"))
idx_cols = X.collect_schema().names()[:2]
entity_col, time_col = idx_cols
numeric_cols = X.select(PL_NUMERIC_COLS(entity_col, time_col)).collect_schema().names()
_mean = X.group_by(entity_col).agg(
    PL_NUMERIC_COLS(entity_col, time_col).mean().name.suffix("_mean")
)
X = X.join(_mean, on=entity_col).select(
    idx_cols + ["is_ok"] + [pl.col(col) - pl.col(f"{col}_mean") for col in numeric_cols]
)
_std = X.group_by(entity_col).agg(
    PL_NUMERIC_COLS(entity_col, time_col).std().name.suffix("_std")
)
X = X.join(_std, on=entity_col).select(
    idx_cols + ["is_ok"] + [pl.col(col) / pl.col(f"{col}_std") for col in numeric_cols]
)
boolean_cols = X.select(pl.col(pl.Boolean)).collect_schema().names()
X = X.with_columns(pl.col(pl.Boolean).cast(pl.Int8) * 2 - 1)
df = X.collect()
