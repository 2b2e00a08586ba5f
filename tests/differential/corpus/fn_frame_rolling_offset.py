# frame: sensors
# DataFrame.rolling with offset and closed, without groups, and its LazyFrame spelling.
import polars as pl

d = df.sort("reading_time")
a = d.rolling(index_column="reading_time", period="2h", offset="-1h", closed="both").agg(
    pl.col("temperature").mean().alias("temp_mean"),
    pl.len().alias("n"),
)
b = d.lazy().rolling(index_column="reading_time", period="30m").agg(pl.col("pressure").min().alias("p_min")).collect()
df = a.hstack(b.select("p_min"))
