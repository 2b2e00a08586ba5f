# frame: customers
# source: github:functime-org/functime/functime/preprocessing.py (one_hot_encode: X.to_dummies(columns=cat_cols, drop_first=..., separator="__"))
# construct: selectors, cast, categorical, collect_schema, to_dummies, separator, drop_first
# One-hot encode the categorical columns with a double-underscore separator.
import polars as pl

X = df.select("customer_id", "segment", "country").with_columns(pl.col("segment", "country").cast(pl.Categorical))
cat_cols = X.select(pl.col(pl.Categorical)).collect_schema().names()
df = X.to_dummies(columns=cat_cols, drop_first=False, separator="__")
