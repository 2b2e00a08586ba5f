# frame: sales
# source: github:functime-org/functime/functime/preprocessing.py (roll)
# construct: dict_of_lambdas, comprehension, group_by_dynamic, start_by, offset, period, shift, over, join
# Rolling mean/max over 3 and 7 days per store with group_by_dynamic, lagged and joined.
import polars as pl

entity_col, time_col = "store_id", "date"
X = df.select("store_id", "date", "units", "returns")
values = pl.all().exclude([entity_col, time_col])
stat_exprs = {
    "mean": lambda w: values.mean().name.suffix(f"__rolling_mean_{w}"),
    "max": lambda w: values.max().name.suffix(f"__rolling_max_{w}"),
    "mlm": lambda w: (values.max() - values.min()).name.suffix(f"__rolling_mlm_{w}"),
}
X_all = [
    (
        X.sort([entity_col, time_col])
        .group_by_dynamic(
            index_column=time_col,
            group_by=entity_col,
            offset=f"{w}d",
            every="1d",
            period=f"{w}d",
            start_by="datapoint",
        )
        .agg([stat_exprs[stat](w) for stat in ["mean", "max", "mlm"]])
        .select([entity_col, time_col, values.shift(w).over(entity_col)])
    )
    for w in [3, 7]
]
X_rolling = X_all[0]
for X_window in X_all[1:]:
    X_rolling = X_rolling.join(X_window, on=[entity_col, time_col], how="inner")
df = X_rolling
