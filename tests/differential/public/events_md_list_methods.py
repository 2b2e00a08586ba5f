# frame: events
# source: github:tdiprima/modern-dataframes/src/polars_advanced_techniques/list_methods.py
# construct: with_columns, list
# Length, sum, max and first element of a list column.
import polars as pl

df = df.with_columns([
    pl.col("scores").list.len().alias("num_scores"),
    pl.col("scores").list.sum().alias("total_score"),
    pl.col("scores").list.max().alias("largest_score"),
    pl.col("scores").list.get(0, null_on_oob=True).alias("first_score")
])
