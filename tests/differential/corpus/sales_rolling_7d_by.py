# frame: sales
# 7-day and 14-day rolling unit sums per store over the date column.
import polars as pl

df = df.sort("store_id", "date")
windows = {"7d": "units_7d", "14d": "units_14d"}
df = df.with_columns(
    [
        pl.col("units").rolling_sum_by("date", window_size=w).over("store_id").alias(name)
        for w, name in windows.items()
    ]
)
