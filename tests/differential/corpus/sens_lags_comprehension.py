# frame: sensors
# Lag features in one with_columns call, built by a nested comprehension.
import polars as pl

lags = [1, 3, 6]
df = df.sort("device_id", "reading_time").with_columns(
    [
        pl.col(c).shift(k).over("device_id").alias(f"{c}_lag_{k}")
        for c in ["temperature", "pressure"]
        for k in lags
    ]
)
