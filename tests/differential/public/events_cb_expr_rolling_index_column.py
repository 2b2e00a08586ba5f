# frame: events
# source: github:PacktPublishing/Polars-Cookbook/Chapter09/ch09.ipynb (pl.col('daily_avg_temp').mean().rolling(index_column='date', period='3d', closed='right')); adapted: the book's min_periods=1 is min_samples=1 in Polars 2.x
# construct: lazy, set_sorted, rolling, expr_rolling, index_column, period, closed, min_samples
# A 3-row rolling mean, one with partial windows, and a 3-day time-based rolling mean.
import polars as pl

daily_lf = df.lazy().filter(pl.col("user_id") == "u03").select("day", pl.col("value").alias("daily_avg"))
df = (
    daily_lf
    .set_sorted("day")
    .select(
        "day",
        "daily_avg",
        pl.col("daily_avg").rolling_mean(3).alias("3day_rolling_avg"),
        pl.col("daily_avg").rolling_mean(
            window_size=3,
            min_samples=1
        )
        .alias("3day_rolling_avg2"),
        pl.col("daily_avg").mean().rolling(
            index_column="day",
            period="3d",
            closed="right"
        )
        .alias("3day_rolling_avg3")
    )
    .collect()
)
