# frame: sales
# source: github:functime-org/functime/functime/ranges.py + seasonality/calendar.py (make_future_calendar_effects: cutoffs + date_ranges + explode)
# construct: group_by, agg, max, with_columns, date_ranges, offset_by, explode, dt
# The next 7 days after each store's last date, with calendar attributes.
import polars as pl

entity_col, time_col = df.columns[:2]
cutoffs = df.group_by(entity_col).agg(pl.col(time_col).max().alias("low")).sort(entity_col)
future_idx = cutoffs.with_columns(
    pl.date_ranges(
        pl.col("low").dt.offset_by("1d"),
        pl.col("low").dt.offset_by("7d"),
        interval="1d",
    ).alias(time_col)
).select(entity_col, time_col).explode(time_col, empty_as_null=False)
df = future_idx.with_columns(
    [getattr(pl.col(time_col).dt, attr)().alias(attr) for attr in ["weekday", "month", "day"]]
)
