# frame: sensors
# group_by_dynamic by month on a millisecond Datetime, with boundaries and the right label.
import polars as pl

df = df.sort("reading_time").group_by_dynamic("reading_time", every="1mo", include_boundaries=True, label="right").agg(
    pl.col("temperature").mean().alias("t"), pl.len().alias("n")
)
