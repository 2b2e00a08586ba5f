# frame: sales
# Days since the store's previous reported sales day.
import polars as pl

df = df.sort("store_id", "date").with_columns(
    pl.col("date").diff().dt.total_days().over("store_id").alias("days_since_prev_report"),
)
df = df.with_columns((pl.col("days_since_prev_report") > 1).alias("after_gap"))
