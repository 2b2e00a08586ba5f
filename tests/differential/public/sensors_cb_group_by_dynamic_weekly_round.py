# frame: sensors
# source: github:PacktPublishing/Polars-Cookbook/Chapter09/ch09.ipynb (Resampling techniques: group_by_dynamic every='1w')
# construct: lazy, sort, set_sorted, group_by_dynamic, round, filter, dt, is_between
# Six-hourly mean humidity (rounded) across devices, kept for one day.
import polars as pl
from datetime import datetime

df = (
    df.lazy()
    .sort("reading_time")
    .set_sorted("reading_time")
    .group_by_dynamic(
        "reading_time", every="6h"
    )
    .agg(pl.col("humidity").mean().round(1))
    .filter(
        pl.col("reading_time").dt.date().is_between(
            datetime(2023, 12, 31),
            datetime(2024, 1, 1)
        )
    )
    .collect()
)
