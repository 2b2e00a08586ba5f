# frame: events
# source: github:PacktPublishing/Polars-Cookbook/Chapter09/ch09.ipynb (daily_avg_temperature_lf.set_sorted('date').rolling('date', period='3d').agg(...))
# construct: lazy, set_sorted, frame_rolling, period, agg
# A rolling 3-day window per row of one user's series: the window's values, mean, min and max.
import polars as pl

daily_lf = df.lazy().filter(pl.col("user_id") == "u04").select("day", pl.col("value").alias("daily_avg"))
df = (
    daily_lf
    .set_sorted("day")
    .rolling(
        "day",
        period="3d"
    )
    .agg(
        pl.col("daily_avg"),
        pl.col("daily_avg").mean().alias("3day_rolling_avg"),
        pl.col("daily_avg").min().alias("3day_rolling_min"),
        pl.col("daily_avg").max().alias("3day_rolling_max"),
    )
    .collect()
)
