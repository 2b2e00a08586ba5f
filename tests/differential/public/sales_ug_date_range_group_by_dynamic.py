# frame: sales
# source: https://docs.pola.rs/user-guide/transformations/time-series/rolling/ (user-guide/transformations/time-series/rolling.py, "group_by_dyn")
# construct: date_range, eager, to_frame, group_by_dynamic, cum_count, dt
# A daily calendar spanning the sales data, grouped per month: days to month end, days in month.
import polars as pl

df = (
    pl.date_range(
        start=df["date"].min(),
        end=df["date"].max(),
        interval="1d",
        eager=True,
    )
    .alias("time")
    .to_frame()
)
df = df.group_by_dynamic("time", every="1mo", period="1mo", closed="left").agg(
    pl.col("time").cum_count().reverse().head(3).alias("day/eom"),
    ((pl.col("time") - pl.col("time").first()).last().dt.total_days() + 1).alias(
        "days_in_month"
    ),
)
