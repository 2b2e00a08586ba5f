# frame: stores
# Region averages computed as Python values, then turned into a mapping.
import polars as pl

region_avg = df.group_by("region").agg(pl.col("size_sqft").mean()).drop_nulls("region").sort("region")
mapping = dict(zip(region_avg["region"].to_list(), region_avg["size_sqft"].to_list()))
df = df.with_columns(
    pl.col("region").replace_strict(mapping, default=None, return_dtype=pl.Float64).alias("region_avg_size")
)
