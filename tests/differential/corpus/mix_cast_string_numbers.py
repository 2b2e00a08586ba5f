# frame: houses
# Zipcode string to integer and back, year to string.
import polars as pl

df = df.with_columns(
    pl.col("zipcode").cast(pl.Int32).alias("zip_int"),
    pl.col("year_built").cast(pl.String).alias("year_str"),
    pl.col("price").cast(pl.Int64).alias("price_int"),
    pl.col("bathrooms").cast(pl.Int8).alias("bath_int"),
)
