# frame: sales
# source: github:functime-org/functime/functime/seasonality/calendar.py (add_calendar_effects)
# construct: getattr, comprehension, dt, cast, categorical
# Calendar attributes of the date as categorical columns, chosen by name with getattr.
import polars as pl

attrs = ["day", "weekday", "week", "month", "quarter", "year"]
time_col = pl.col(df.columns[1])
df = df.with_columns(
    [
        getattr(time_col.dt, attr)()
        .alias(attr)
        .cast(pl.Utf8)
        .cast(pl.Categorical)
        for attr in attrs
    ]
)
