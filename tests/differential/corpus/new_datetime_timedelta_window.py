# frame: transactions
# Recency features against a fixed as-of date built with datetime and timedelta.
import datetime as dt
import polars as pl

AS_OF = dt.datetime(2024, 3, 1, 12, 30)
WINDOW = dt.timedelta(days=30)
df = df.with_columns(
    (pl.lit(AS_OF) - pl.col("ts")).dt.total_hours().alias("hours_before_asof"),
    (pl.col("ts") >= pl.lit(AS_OF) - WINDOW).alias("in_last_30d"),
    (pl.col("ts") < AS_OF).alias("before_asof"),
)
