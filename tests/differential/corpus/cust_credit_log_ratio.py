# frame: customers
# Credit limit relative to the segment median, on a log scale.
import polars as pl

seg_median = pl.col("credit_limit").median().over("segment")
df = df.with_columns(
    (pl.col("credit_limit") / seg_median).log().alias("credit_vs_segment_log"),
    pl.col("credit_limit").log(10).alias("credit_log10"),
)
