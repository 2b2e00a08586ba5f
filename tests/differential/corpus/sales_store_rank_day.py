# frame: sales
# Daily rank of stores by revenue.
import polars as pl

df = df.with_columns(
    pl.col("revenue").rank("dense", descending=True).over("date").alias("daily_revenue_rank"),
    (pl.col("revenue") == pl.col("revenue").max().over("date")).alias("is_top_store_today"),
)
