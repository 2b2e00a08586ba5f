# frame: houses
# source: github:drumtorben/polars-ts/polars_ts/features/advanced.py (interaction_features)
# construct: def, raise, loop, tuple_unpacking, fstring, with_columns
# Products (or sums) of listed pairs of columns.
import polars as pl


def interaction_features(df, pairs, method="multiply"):
    if method not in ("multiply", "add"):
        raise ValueError(f"method must be 'multiply' or 'add', got {method!r}")
    result = df
    for col_a, col_b in pairs:
        name = f"{col_a}_x_{col_b}" if method == "multiply" else f"{col_a}_plus_{col_b}"
        if method == "multiply":
            result = result.with_columns((pl.col(col_a) * pl.col(col_b)).alias(name))
        else:
            result = result.with_columns((pl.col(col_a) + pl.col(col_b)).alias(name))
    return result


df = interaction_features(df, [("sqft", "bathrooms"), ("lat", "lon")])
df = interaction_features(df, [("bedrooms", "bathrooms")], method="add")
