# frame: customers
# Active share per segment via group_by + join, with an explicit suffix collision.
import polars as pl

seg = df.group_by("segment").agg(
    pl.col("is_active").mean().alias("segment_active_rate"),
    pl.col("credit_limit").mean().alias("credit_limit"),
)
df = df.join(seg, on="segment", how="left", suffix="_segment_mean")
