# frame: sales
# source: github:kz4killua/fpl-ai (features/rolling_mean.py, earlier version: three-way zip comprehension with shift(1, fill_value=default))
# construct: def, lazy, sort, comprehension, zip, rolling, shift, fill_value, over
# Leak-free rolling means (shifted by one) with a default for the first row of each store.
import polars as pl


def rolling_mean(df, order_by, group_by, columns, windows, defaults):
    df = df.sort(order_by)
    expressions = [
        pl.col(column)
        .rolling_mean(window, min_samples=1)
        .shift(1, fill_value=default)
        .over(group_by)
        .alias(f"{column}_rolling_mean_{window}")
        for column, window, default in zip(columns, windows, defaults)
    ]
    return df.with_columns(expressions)


df = rolling_mean(
    df.lazy(), order_by="date", group_by="store_id", columns=["units", "returns"], windows=[5, 3], defaults=[0, 0]
).collect()
