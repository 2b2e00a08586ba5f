# frame: sales
# source: https://docs.pola.rs/api/python/stable/reference/dataframe/api/polars.DataFrame.rolling.html (docstring example, with group_by)
# construct: frame_rolling, index_column, period, group_by, agg, pl_sum, pl_min, pl_max
# Per store, over the 7 days up to each row: units sum, min and max.
import polars as pl

df = df.rolling(index_column="date", period="7d", group_by="store_id").agg(
    [
        pl.sum("units").alias("sum_units"),
        pl.min("units").alias("min_units"),
        pl.max("units").alias("max_units"),
    ]
)
