# frame: events
# source: github:PacktPublishing/Polars-Cookbook/Chapter09/ch09.ipynb (rolling_map(get_range, window_size=3))
# construct: rolling_map, def, python_builtin_max_min, python_udf
# A 3-day rolling range computed by a Python function on each window.
import polars as pl


def get_range(nums):
    range = max(nums) - min(nums)
    return range


df = df.filter(pl.col("user_id") == "u01").select("day", pl.col("clicks").fill_null(0).cast(pl.Float64)).with_columns(
    pl.col("clicks").rolling_map(get_range, window_size=3).alias("3day_rolling_range")
)
