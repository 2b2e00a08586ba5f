# frame: houses
# source: github:AdrianAntico/PolarsFE/PolarsFE/numeric.py (standardize, mode="train", group_vars)
# construct: comprehension, group_by, agg, join, loop, with_columns
# Standardize within zipcode via joined group means and standard deviations.
import polars as pl

col_names, group_vars = ["price", "sqft"], ["zipcode"]
data = df
agg_exprs_mean = [pl.col(col).mean().alias(f"{col}_mean") for col in col_names]
agg_exprs_sd = [pl.col(col).std().alias(f"{col}_sd") for col in col_names]
score_tbl_mean = data.group_by(group_vars).agg(agg_exprs_mean)
score_tbl_sd = data.group_by(group_vars).agg(agg_exprs_sd)
score_tbl = score_tbl_mean.join(score_tbl_sd, on=group_vars)
data = data.join(score_tbl, on=group_vars, how="left")
for col in col_names:
    mean_col = f"{col}_mean"
    sd_col = f"{col}_sd"
    expr = pl.col(col)
    expr = expr - pl.col(mean_col)
    expr = expr / pl.col(sd_col)
    data = data.with_columns(expr.alias(f"{col}_Standardized"))
df = data
