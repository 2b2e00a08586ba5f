# frame: houses
# Distribution shape of price per zipcode.
import polars as pl

df = df.with_columns(
    pl.col("price").skew().over("zipcode").alias("zip_price_skew"),
    pl.col("price").kurtosis().over("zipcode").alias("zip_price_kurt"),
)
