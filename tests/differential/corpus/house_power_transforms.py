# frame: houses
# Powers, roots and reciprocals.
import polars as pl

df = df.with_columns(
    (pl.col("sqft") ** 0.5).alias("sqrt_sqft"),
    pl.col("sqft").pow(2).alias("sqft_sq"),
    (1 / pl.col("lot_size")).alias("inv_lot"),
    pl.col("price").cbrt().alias("cbrt_price"),
)
