# frame: sensors
# Reading time as epoch seconds and seconds since midnight.
import polars as pl

df = df.with_columns(
    pl.col("reading_time").dt.epoch("s").alias("epoch_s"),
    (pl.col("reading_time").dt.hour().cast(pl.Int32) * 3600
     + pl.col("reading_time").dt.minute().cast(pl.Int32) * 60).alias("sec_of_day"),
)
