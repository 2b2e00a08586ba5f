# frame: sales
# source: github:kz4killua/fpl-ai/features/rolling_mean.py (compute_rolling_mean)
# construct: def, lazy, sort, with_row_index, zip_strict, filter, rolling, over, join, shift, forward_fill, drop
# Rolling means that skip nulls: computed on the non-null rows, joined back, lagged and forward filled.
import polars as pl


def compute_rolling_mean(df, columns, window_sizes, over=("store_id",), condition=None, suffix=""):
    df = df.sort("date")
    df = df.with_row_index("index")
    if condition is None:
        condition = pl.lit(True)
    for column, window_size in zip(columns, window_sizes, strict=True):
        alias = f"{column}_rolling_mean_{window_size}{suffix}"
        selected = df.filter(pl.col(column).is_not_null() & condition).select(
            ["index", *over, column]
        )
        selected = selected.with_columns(
            pl.col(column)
            .rolling_mean(window_size, min_samples=1)
            .over(over)
            .alias(alias)
        )
        df = df.join(
            selected.select(["index", alias]),
            on="index",
            how="left",
        )
        df = df.with_columns(
            pl.col(alias)
            .shift(1)
            .forward_fill()
            .over(over)
        )
    df = df.drop("index")
    return df


df = compute_rolling_mean(df.lazy(), ["units", "revenue"], [3, 7]).collect()
