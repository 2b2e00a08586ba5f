# frame: sales
# Lagged units and revenue per store (1, 7 rows back).
import polars as pl

df = df.sort(["store_id", "date"])
for lag in (1, 7):
    df = df.with_columns(
        pl.col("units").shift(lag).over("store_id").alias(f"units_lag_{lag}"),
        pl.col("revenue").shift(lag).over("store_id").alias(f"revenue_lag_{lag}"),
    )
