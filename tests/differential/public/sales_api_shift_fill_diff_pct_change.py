# frame: sales
# source: https://docs.pola.rs/api/python/stable/reference/expressions/api/polars.Expr.shift.html + Expr.diff.html + Expr.pct_change.html
# construct: with_columns, shift, fill_value, diff, null_behavior, pct_change, over
# Lags with a fill value, differences and percent changes of units per store.
import polars as pl

df = df.with_columns(
    pl.col("units").shift(1, fill_value=0).over("store_id").alias("prev_units"),
    pl.col("units").shift(-1).over("store_id").alias("next_units"),
    pl.col("units").diff(1).over("store_id").alias("diff"),
    pl.col("units").pct_change(7).over("store_id").alias("wow"),
)
