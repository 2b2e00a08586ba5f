# frame: sales
# Remaining units until the end of the series (reverse cumulative sum).
import polars as pl

df = df.sort("store_id", "date").with_columns(
    pl.col("units").cum_sum(reverse=True).over("store_id").alias("units_remaining"),
    pl.col("units").reverse().over("store_id").alias("units_reversed"),
)
