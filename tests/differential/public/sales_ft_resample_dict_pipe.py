# frame: sales
# source: github:functime-org/functime/functime/preprocessing.py (resample)
# construct: lazy, dict, group_by_dynamic, agg, pl_sum, select, pipe, fill_null
# Weekly units per store with the aggregation picked from a dict of expressions.
import polars as pl


def impute_forward(X):
    return X.with_columns(pl.col("units").fill_null(strategy="forward").over("store_id"))


X = df.select("store_id", "date", "units")
entity_col, time_col, target_col = X.collect_schema().names()
agg_exprs = {
    "sum": pl.sum(target_col),
    "mean": pl.mean(target_col),
    "median": pl.median(target_col),
}
df = (
    X.lazy()
    .group_by_dynamic(time_col, every="1w", group_by=entity_col)
    .agg(agg_exprs["sum"])
    .select([entity_col, time_col, target_col])
    .pipe(impute_forward)
    .fill_null(0)
    .collect()
)
