# frame: houses
# source: public GitHub Python file "build_skewed_features" (Kaggle tabular competition, Polars), found by the code index, which does not name its repository
# construct: def, itertools, combinations, comprehension, tuple_unpacking, with_columns
# Ratios of every pair in two feature groups, with an epsilon in the denominator.
from itertools import combinations

import polars as pl


def build_skewed_features(df: pl.DataFrame, eps: float = 1e05) -> pl.DataFrame:
    b_features = ["price", "sqft", "lot_size"]
    df = df.with_columns(
        [
            (pl.col(f1) / (pl.col(f2) + eps)).alias(f"{f1}_div_{f2}")
            for f1, f2 in combinations(b_features, 2)
        ],
    )
    e_features = ["bedrooms", "bathrooms", "year_built"]
    df = df.with_columns(
        [
            (pl.col(f1) / (pl.col(f2) + eps)).alias(f"{f1}_div_{f2}")
            for f1, f2 in combinations(e_features, 2)
        ],
    )
    return df


df = build_skewed_features(df)
