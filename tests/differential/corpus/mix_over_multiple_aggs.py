# frame: houses
# Several window statistics per zipcode in a comprehension over functions names.
import polars as pl

df = df.with_columns(
    pl.col("price").mean().over("zipcode").alias("zip_price_mean"),
    pl.col("price").median().over("zipcode").alias("zip_price_median"),
    pl.col("price").min().over("zipcode").alias("zip_price_min"),
    pl.col("price").max().over("zipcode").alias("zip_price_max"),
    pl.col("price").std().over("zipcode").alias("zip_price_std"),
    pl.col("price").var().over("zipcode").alias("zip_price_var"),
    pl.col("price").n_unique().over("zipcode").alias("zip_price_nunique"),
)
