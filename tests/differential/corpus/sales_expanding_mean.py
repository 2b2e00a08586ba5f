# frame: sales
# Expanding mean of units (cum_sum / cum_count) per store.
import polars as pl

df = df.sort(["store_id", "date"]).with_columns(
    (pl.col("units").cum_sum() / pl.col("units").cum_count()).over("store_id").alias("units_expanding_mean")
)
