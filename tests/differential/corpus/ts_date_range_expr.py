# frame: stores
# Date ranges as expressions: the weeks since each store opened (a list per row with
# pl.date_ranges) and a monthly index from the earliest opening (pl.date_range in select).
from datetime import date
import polars as pl

df = df.with_columns(
    pl.date_ranges("opened", pl.col("opened").dt.offset_by("3mo"), "1w").list.len().alias("weeks_in_first_quarter"),
    pl.date_ranges(pl.col("opened"), date(2024, 1, 1), interval="1y", closed="left").list.last().alias("last_anniversary"),
)
months = df.select(pl.date_range(pl.col("opened").min(), pl.col("opened").max(), "1mo").alias("month"))
df = df.with_columns(pl.lit(months.height).alias("n_months"))
