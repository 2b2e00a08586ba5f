# frame: sales
# Shift with a fill value and a running difference to the previous day.
import polars as pl

df = df.sort("store_id", "date").with_columns(
    pl.col("units").shift(1, fill_value=0).over("store_id").alias("prev_units_or_zero"),
    pl.col("units").diff(n=2).over("store_id").alias("units_diff2"),
)
