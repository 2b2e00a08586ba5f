# frame: houses
# Clean the lot size: NaN and zero become null, then fill with the zipcode median.
import polars as pl

df = df.with_columns(
    pl.when(pl.col("lot_size").is_nan() | (pl.col("lot_size") == 0))
    .then(None)
    .otherwise(pl.col("lot_size"))
    .alias("lot_clean")
).with_columns(
    pl.col("lot_clean").fill_null(pl.col("lot_clean").median().over("zipcode")).alias("lot_filled")
)
