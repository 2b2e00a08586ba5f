# frame: customers
# Ordinal code for the segment, unknown segments get -1.
import polars as pl

segment_order = {"Consumer": 0, "Home Office": 1, "Corporate": 2, "Société": 3}
df = df.with_columns(
    pl.col("segment").replace_strict(segment_order, default=-1, return_dtype=pl.Int8).alias("segment_code")
)
