# frame: sensors
# source: https://docs.pola.rs/user-guide/expressions/missing-data/ (user-guide/expressions/missing-data.py, "fillstrategy" + "fillinterpolate")
# construct: with_columns, fill_null, interpolate
# Forward, backward and interpolated fills of the humidity.
import polars as pl

df = df.with_columns(
    pl.col("humidity").fill_null(strategy="forward").alias("forward"),
    pl.col("humidity").fill_null(strategy="backward").alias("backward"),
    pl.col("humidity").interpolate().alias("interpolated"),
)
