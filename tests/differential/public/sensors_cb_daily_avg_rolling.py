# frame: sensors
# source: github:PacktPublishing/Polars-Cookbook/Chapter09/ch09.ipynb (daily_avg_temperature_lf + 3-day rolling)
# construct: lazy, select, dt, group_by, maintain_order, agg, rolling
# Daily average temperature, then 3-day rolling mean/min/max.
import polars as pl

daily_avg_temperature_lf = (
    df.lazy()
    .select(
        pl.col("reading_time").dt.date().alias("date"),
        "temperature"
    )
    .group_by("date", maintain_order=True)
    .agg(
        pl.col("temperature").mean().alias("daily_avg_temp")
    )
)
df = (
    daily_avg_temperature_lf
    .select(
        "date",
        "daily_avg_temp",
        pl.col("daily_avg_temp").rolling_mean(3).alias("3day_rolling_avg"),
        pl.col("daily_avg_temp").rolling_min(3).alias("3day_rolling_min"),
        pl.col("daily_avg_temp").rolling_max(3).alias("3day_rolling_max")
    )
    .collect()
)
