# frame: sales
# Row numbers from int_range with a start: int_range(1, len + 1) and int_range(len) over groups.
import polars as pl

df = df.sort("store_id", "date").with_columns(
    pl.int_range(1, pl.len() + 1).over("store_id").alias("day_no"),
    pl.int_range(pl.len(), dtype=pl.UInt32).alias("row"),
    pl.int_range(5, pl.len() + 5).alias("from5"),
)
