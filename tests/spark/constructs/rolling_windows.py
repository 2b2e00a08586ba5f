# frame: sensors
# rolling by time: expression rolling with offsets and closed variants, a frame rolling
# without group_by, and one grouped by two keys (nulls in the values).
import polars as pl

d = df.sort("reading_time")
a = d.with_columns(
    pl.col("temperature").mean().rolling(index_column="reading_time", period="3h", closed="left").alias("m_left"),
    pl.col("humidity").std().rolling(index_column="reading_time", period="90m", offset="-30m", closed="none").alias("s_none"),
    pl.col("pressure").count().rolling(index_column="reading_time", period="1h", offset="0m").alias("n_ahead"),
    pl.len().rolling(index_column="reading_time", period="2h", closed="both").alias("rows"),
).rolling(index_column="reading_time", period="4h").agg(pl.col("m_left").min().alias("lo"), pl.col("battery").max().alias("bat"))
b = d.rolling(index_column="reading_time", period="1d", group_by=["device_id", "status"]).agg(pl.col("temperature").sum().alias("t_sum"), pl.col("error_count").mean().alias("err"))
df = b.join(a, on="reading_time", how="left")
