# frame: sensors
# source: https://docs.pola.rs/user-guide/transformations/time-series/rolling/ (user-guide/transformations/time-series/rolling.py, "group_by_dyn2")
# construct: group_by_dynamic, include_boundaries, closed
# Readings per device and hour, windows closed on both sides, with the window bounds.
import polars as pl

df = df.group_by_dynamic(
    "reading_time",
    every="1h",
    closed="both",
    group_by="device_id",
    include_boundaries=True,
).agg(pl.len())
