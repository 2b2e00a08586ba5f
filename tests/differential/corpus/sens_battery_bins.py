# frame: sensors
# Battery level bins and a low-battery flag.
import polars as pl

df = df.with_columns(
    pl.col("battery").cut([20, 50, 80]).alias("battery_bin"),
    (pl.col("battery") < 20).alias("battery_low"),
)
