# frame: houses
# Price per square foot and its log.
import polars as pl

df = df.with_columns((pl.col("price") / pl.col("sqft")).alias("price_per_sqft"))
df = df.with_columns(pl.col("price_per_sqft").log().alias("log_price_per_sqft"))
