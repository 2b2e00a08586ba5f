# frame: sales
# Month-to-date cumulative units per store.
import polars as pl

df = df.sort("store_id", "date").with_columns(
    pl.col("units").cum_sum().over("store_id", pl.col("date").dt.month()).alias("units_mtd"),
    pl.col("revenue").cum_prod().over("store_id").is_infinite().alias("revenue_cumprod_overflow"),
)
