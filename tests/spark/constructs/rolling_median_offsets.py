# frame: sensors
# rolling_median (nulls in the window, min_samples, center, over groups; the language has no
# rolling_quantile); dt.offset_by/month_start/month_end on a Datetime; drop_nulls inside aggregations.
import polars as pl

d = df.sort("device_id", "reading_time").with_columns(
    pl.col("battery").rolling_median(4, min_samples=2).over("device_id").alias("b_med"),
    pl.col("humidity").rolling_median(5, min_samples=2).alias("h_med"),
    pl.col("temperature").rolling_median(3, center=True, min_samples=1).over("device_id").alias("t_med_c"),
    pl.col("reading_time").dt.offset_by("1mo2d3h").alias("later"),
    pl.col("reading_time").dt.offset_by("-1y2w").alias("earlier"),
    pl.col("reading_time").dt.month_start().alias("m_start"),
    pl.col("reading_time").dt.month_end().alias("m_end"),
)
per = d.group_by("device_id", maintain_order=True).agg(
    pl.col("temperature").drop_nulls().count().alias("n_temp"),
    pl.col("temperature").drop_nulls().first().alias("first_temp"),
    pl.col("humidity").drop_nulls().len().alias("len_hum"),
    pl.col("humidity").drop_nulls().n_unique().alias("nu_hum"),
)
df = d.join(per, on="device_id", how="left")
