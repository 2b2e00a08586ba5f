# frame: sensors
# Clip signals to physical ranges.
import polars as pl

df = df.with_columns(
    pl.col("humidity").clip(0, 100).alias("hum_clipped"),
    pl.col("temperature").clip(lower_bound=-10).alias("temp_floor_m10"),
    pl.col("error_count").clip(upper_bound=3).alias("errors_capped"),
)
