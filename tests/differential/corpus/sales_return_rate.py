# frame: sales
# Return rate with a guarded division (no division by zero).
import polars as pl

df = df.with_columns(
    pl.when(pl.col("units") > 0)
    .then(pl.col("returns") / pl.col("units"))
    .otherwise(None)
    .alias("return_rate"),
    (pl.col("units") - pl.col("returns")).alias("net_units"),
)
