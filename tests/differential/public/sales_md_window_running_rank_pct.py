# frame: sales
# source: github:tdiprima/modern-dataframes/src/polars_advanced_techniques/window_functions.py
# construct: with_columns, cum_sum, rank, over
# Running total, rank and share of the store's total, per store.
import polars as pl

df = df.with_columns([
    pl.col("units").cum_sum().over("store_id").alias("running_total"),
    pl.col("units").rank().over("store_id").alias("rank"),
    (pl.col("units") / pl.col("units").sum().over("store_id") * 100).alias("pct_of_store_units")
])
