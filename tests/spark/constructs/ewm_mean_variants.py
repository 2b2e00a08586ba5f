# frame: sensors
# ewm_mean, ewm_std, ewm_var: adjust on/off, bias, nulls kept in the weights (ignore_nulls=False) or skipped, min_samples,
# Float32 and integer inputs, per device and over the whole frame.
import polars as pl

df = df.sort("device_id", "reading_time").with_columns(
    pl.col("temperature").ewm_mean(alpha=0.4, ignore_nulls=False).over("device_id").alias("t_keep_nulls"),
    pl.col("temperature").ewm_mean(span=4, adjust=False, ignore_nulls=False, min_samples=3).alias("t_span4"),
    pl.col("humidity").ewm_mean(half_life=2.5, adjust=False).over("device_id").alias("h_hl"),
    pl.col("humidity").ewm_mean(com=1.5, ignore_nulls=False).alias("h_com"),
    pl.col("battery").ewm_mean(alpha=0.2).over("device_id").alias("b_ewm"),
    pl.col("error_count").ewm_mean(alpha=0.7, min_samples=2).alias("e_ewm"),
)
df = df.with_columns(
    pl.col("temperature").ewm_std(alpha=0.3, ignore_nulls=False).over("device_id").alias("t_std"),
    pl.col("temperature").ewm_var(com=2, adjust=False, bias=True).alias("t_var_bias"),
    pl.col("humidity").ewm_std(span=5, min_samples=2).over("device_id").alias("h_std32"),
    pl.col("battery").ewm_var(alpha=0.5, adjust=False).alias("b_var"),
)
