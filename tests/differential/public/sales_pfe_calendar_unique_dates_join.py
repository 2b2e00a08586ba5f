# frame: sales
# source: github:AdrianAntico/PolarsFE/PolarsFE/calendar.py (calendar_features, cyclic_features)
# construct: dict, select, unique, join, comprehension, math, sin, cos, loop
# Calendar features computed once per distinct date and joined back, then cyclic encodings.
import math

import polars as pl

date_col = "date"
feature_map = {
    "day": pl.col(date_col).dt.day(),
    "day_of_week": pl.col(date_col).dt.weekday(),
    "is_weekend": (pl.col(date_col).dt.weekday() >= 5),
    "week_of_month": ((pl.col(date_col).dt.day() - 1) // 7 + 1).cast(pl.Int64),
    "month": pl.col(date_col).dt.month(),
}
features = ["day", "day_of_week", "is_weekend", "week_of_month", "month"]
unique_dates = df.select(date_col).unique()
exprs = [feature_map[feat].alias(f"{date_col}_{feat}") for feat in features]
unique_dates = unique_dates.with_columns(exprs)
df_out = df.join(unique_dates, on=date_col, how="left")

default_periods = {"day_of_week": 7, "week_of_month": 5, "month": 12}
for col in [f"{date_col}_{k}" for k in default_periods]:
    unique_vals_df = df_out.select(col).unique()
    period = default_periods[col[len(date_col) + 1:]]
    unique_vals_df = unique_vals_df.with_columns([
        ((2 * math.pi * pl.col(col)) / period).sin().alias(f"{col}_sin"),
        ((2 * math.pi * pl.col(col)) / period).cos().alias(f"{col}_cos")
    ])
    df_out = df_out.join(unique_vals_df, on=col, how="left")
df = df_out
