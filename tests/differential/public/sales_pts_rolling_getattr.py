# frame: sales
# source: github:drumtorben/polars-ts/polars_ts/features/rolling.py (rolling_features)
# construct: def, raise, getattr, rolling, min_samples, center, over, loop
# Rolling mean/std/min/max of units per store, the rolling method looked up by name.
import polars as pl

_SUPPORTED_AGGS = {"mean", "std", "min", "max", "sum", "median", "var"}


def rolling_features(df, windows, aggs=None, target_col="y", id_col="unique_id", time_col="ds", center=False, min_samples=None):
    if aggs is None:
        aggs = ["mean", "std", "min", "max"]
    for agg in aggs:
        if agg not in _SUPPORTED_AGGS:
            raise ValueError(f"Unsupported aggregation {agg!r}. Choose from {sorted(_SUPPORTED_AGGS)}")
    sorted_df = df.sort(id_col, time_col)
    exprs: list[pl.Expr] = []
    for w in windows:
        mp = min_samples if min_samples is not None else w
        for agg in aggs:
            rolling_fn = getattr(pl.col(target_col), f"rolling_{agg}")
            expr = rolling_fn(w, min_samples=mp, center=center).over(id_col)
            exprs.append(expr.alias(f"{target_col}_rolling_{agg}_{w}"))
    return sorted_df.with_columns(exprs)


df = rolling_features(df, [3, 7], target_col="units", id_col="store_id", time_col="date", min_samples=1)
