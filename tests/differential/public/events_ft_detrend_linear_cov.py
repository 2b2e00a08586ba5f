# frame: events
# source: github:functime-org/functime/functime/preprocessing.py (detrend, method="linear")
# construct: with_columns, arg_sort, over, cov, var, len, comprehension
# Remove a per-user linear trend: slope from pl.cov / var over a per-user time index.
import polars as pl

entity_col, time_col = "user_id", "day"
value_cols = ["value", "clicks"]
X = df.select(entity_col, time_col, *value_cols)
X_new = (
    X.with_columns(pl.col(time_col).arg_sort().over(entity_col).alias("__x"))
    .with_columns(
        (
            (pl.cov(pl.col(c), pl.col("__x")) / pl.col("__x").var())
            .over(entity_col)
            .alias(f"{c}__beta")
        )
        for c in value_cols
    )
    .with_columns(
        pl.col(c).mean().over(entity_col).name.suffix("__mean") for c in value_cols
    )
    .with_columns(
        (pl.col(c + "__mean") - pl.col(c + "__beta") * (pl.len() - 1) / 2)
        .over(entity_col)
        .alias(f"{c}__alpha")
        for c in value_cols
    )
    .select(
        entity_col,
        time_col,
        *(
            (pl.col(c) - pl.col(c + "__beta") * pl.col("__x") - pl.col(c + "__alpha")).alias(c)
            for c in value_cols
        ),
    )
)
df = X_new
