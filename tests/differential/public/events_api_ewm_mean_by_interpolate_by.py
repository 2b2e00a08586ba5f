# frame: events
# source: https://docs.pola.rs/api/python/stable/reference/expressions/api/polars.Expr.ewm_mean_by.html + Expr.interpolate_by.html (docstring examples)
# construct: with_columns, ewm_mean_by, half_life, interpolate_by, over
# Time-aware exponentially weighted mean and interpolation using the event timestamps.
import polars as pl

df = df.select("user_id", "ts", "value").with_columns(
    pl.col("value").ewm_mean_by("ts", half_life="3d").over("user_id").alias("ewm_3d"),
    pl.col("value").interpolate_by("ts").over("user_id").alias("value_interp"),
)
