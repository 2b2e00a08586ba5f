# frame: sales
# Calendar features for daily sales (December holidays, year change).
import polars as pl

df = df.with_columns(
    pl.col("date").dt.weekday().alias("dow"),
    pl.col("date").dt.month().alias("month"),
    pl.col("date").dt.year().alias("year"),
    pl.col("date").dt.day().alias("dom"),
    ((pl.col("date").dt.month() == 12) & (pl.col("date").dt.day().is_between(24, 26))).alias("is_christmas"),
    (pl.col("date").dt.ordinal_day() == 1).alias("is_new_year"),
)
