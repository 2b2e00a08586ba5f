# frame: houses
# source: github:AdrianAntico/PolarsFE/PolarsFE/numeric.py (standardize, mode="train", no groups)
# construct: dict_comprehension, frame_series_mean, loop, with_columns
# Standardize columns with means/stds computed as Python numbers from the frame.
import polars as pl

col_names = ["price", "sqft", "lot_size"]
data = df
means = {col: data[col].mean() for col in col_names}
sds = {col: data[col].std() for col in col_names}
for col in col_names:
    expr = pl.col(col)
    expr = expr - means[col]
    expr = expr / sds[col] if sds[col] != 0 else expr
    data = data.with_columns(expr.alias(f"{col}_Standardized"))
df = data
