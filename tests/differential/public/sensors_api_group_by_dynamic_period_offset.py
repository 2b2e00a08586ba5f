# frame: sensors
# source: https://docs.pola.rs/api/python/stable/reference/dataframe/api/polars.DataFrame.group_by_dynamic.html (every/period/offset, group_by)
# construct: group_by_dynamic, every, period, offset, group_by, label, agg
# Overlapping 3-hour windows every 2 hours, shifted by 30 minutes, per device.
import polars as pl

df = df.group_by_dynamic(
    "reading_time",
    every="2h",
    period="3h",
    offset="30m",
    group_by="device_id",
    label="datapoint",
).agg(pl.col("temperature").mean(), pl.len().alias("n"))
