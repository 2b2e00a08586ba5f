# frame: sales
# Scalars from select(...).item() and the frame height.
import polars as pl

total_units = df.select(pl.col("units").sum()).item()
n_days = df.select(pl.col("date").n_unique()).item()
n_rows = df.height
df = df.with_columns(
    (pl.col("units") / total_units).alias("unit_share_total"),
    pl.lit(n_days).alias("n_days_in_data"),
    (pl.col("units") * n_rows / total_units).alias("units_index"),
)
