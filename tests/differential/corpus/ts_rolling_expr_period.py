# frame: sales
# Trailing 7-day totals over all stores with Expr.rolling on the date column (a time-based window
# per row), next to the per-store rolling_sum_by form.
import polars as pl

df = df.sort("date", "store_id").with_columns(
    pl.col("units").sum().rolling(index_column="date", period="7d").alias("units_7d_all"),
    pl.len().rolling(index_column="date", period="3d", closed="both").alias("rows_3d"),
    pl.col("revenue").max().rolling(index_column="date", period="14d", offset="-7d").alias("revenue_max_centered"),
)
