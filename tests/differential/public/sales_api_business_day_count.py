# frame: sales
# source: https://docs.pola.rs/api/python/stable/reference/expressions/api/polars.Expr.dt.add_business_days.html + polars.business_day_count.html (docstring examples); adapted: Polars 2.1 raises on weekend start dates unless roll= is given
# construct: with_columns, dt, add_business_days, roll, business_day_count, holidays, week_mask
# Business days after the date and between two dates, with a holiday list.
import polars as pl
from datetime import date

holidays = [date(2023, 12, 25), date(2023, 12, 26), date(2024, 1, 1)]
df = df.select("store_id", "date").with_columns(
    pl.col("date").dt.add_business_days(5, holidays=holidays, roll="forward").alias("plus_5_bd"),
    pl.business_day_count("date", pl.lit(date(2024, 2, 1)), holidays=holidays).alias("bd_to_feb"),
    pl.col("date").dt.is_business_day(week_mask=[True, True, True, True, True, True, False]).alias("open_day"),
)
