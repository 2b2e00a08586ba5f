# frame: houses
# numpy elementwise functions and constants on expressions.
import numpy as np
import polars as pl

df = df.with_columns(
    np.log(pl.col("price")).alias("ln_price"),
    np.log10(pl.col("sqft")).alias("log10_sqft"),
    np.exp(-pl.col("bedrooms").cast(pl.Float64) / 2).alias("exp_decay_bed"),
    np.floor(pl.col("bathrooms")).alias("full_baths"),
    (pl.col("lat") * np.pi / 180).alias("lat_rad"),
)
