# frame: sales
# Mark the top 5 days per store by units with rank over.
import polars as pl

df = df.with_columns(
    (pl.col("units").rank("ordinal", descending=True).over("store_id") <= 5).alias("top5_day")
)
