# frame: sales
# source: https://docs.pola.rs/user-guide/transformations/time-series/rolling/ (user-guide/transformations/time-series/rolling.py, "df" + "group_by")
# construct: sort, group_by_dynamic, dt
# Average revenue per calendar month, with the month number.
import polars as pl

df = df.sort("date")
monthly_average_df = df.group_by_dynamic("date", every="1mo").agg(pl.col("revenue").mean())
df = monthly_average_df.with_columns(pl.col("date").dt.month().alias("month"))
