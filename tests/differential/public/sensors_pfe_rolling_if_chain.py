# frame: sensors
# source: github:AdrianAntico/PolarsFE/PolarsFE/window.py (rolling_features)
# construct: def, nested_def, if_chain, rolling, over, fill_null
# Rolling features whose method is picked by an if/elif chain inside a nested function.
import polars as pl


def rolling_features(data, date_col, columns, window=3, agg="mean", group_vars=None, fill_value=None, min_samples=1):
    if isinstance(window, int):
        window = [window]
    data = data.sort(group_vars + [date_col])

    def get_rolling_expr(col, w):
        agg_lower = agg.lower()
        if agg_lower == "mean":
            expr = pl.col(col).rolling_mean(window_size=w, min_samples=min_samples)
        elif agg_lower == "min":
            expr = pl.col(col).rolling_min(window_size=w, min_samples=min_samples)
        elif agg_lower == "max":
            expr = pl.col(col).rolling_max(window_size=w, min_samples=min_samples)
        else:
            raise ValueError(f"Aggregation method '{agg}' is not supported.")
        return expr

    rolling_exprs = []
    for col in columns:
        for w in window:
            expr = get_rolling_expr(col, w)
            if group_vars is not None:
                expr = expr.over(group_vars)
            if fill_value is not None:
                expr = expr.fill_null(fill_value)
            rolling_exprs.append(expr.alias(f"{col}_{agg.lower()}_rolling_{w}"))
    return data.with_columns(rolling_exprs)


df = rolling_features(df, "reading_time", ["temperature", "humidity"], window=[3, 6], agg="Max", group_vars=["device_id"])
