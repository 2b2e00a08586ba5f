# frame: events
# source: github:tdiprima/modern-dataframes/src/polars_advanced_techniques/struct_columns.py
# construct: with_columns, struct
# Pull two fields out of a struct column.
import polars as pl

df = df.with_columns([
    pl.col("meta").struct.field("source").alias("source"),
    pl.col("meta").struct.field("weight").alias("weight")
])
