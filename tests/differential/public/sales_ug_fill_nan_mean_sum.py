# frame: sales
# source: https://docs.pola.rs/user-guide/expressions/missing-data/ (user-guide/expressions/missing-data.py, "nanfill")
# construct: with_columns, fill_nan, select, name
# Mean and sum of the revenue with NaN, and with NaN replaced by null.
import polars as pl

df = df.select("revenue").with_columns(
    pl.col("revenue").fill_nan(None).alias("replaced"),
).select(
    pl.all().mean().name.suffix("_mean"),
    pl.all().sum().name.suffix("_sum"),
)
