# frame: sales
# Window results as lists per row (mapping_strategy="join") and as the group's rows in group
# order (mapping_strategy="explode", here after sorting by the key).
import polars as pl

df = df.sort("store_id", "date").with_columns(
    pl.col("units").over("promo", mapping_strategy="join").list.len().alias("n_same_promo"),
    pl.col("units").head(3).over("store_id", mapping_strategy="join").alias("first_3_units"),
).with_columns(
    pl.col("revenue").cum_sum().over("store_id", mapping_strategy="explode").alias("revenue_cum"),
    pl.col("units").rank("ordinal").over("store_id", mapping_strategy="explode").alias("units_rank"),
)
