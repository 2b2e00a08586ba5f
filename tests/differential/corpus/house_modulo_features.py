# frame: houses
# Modulo features: zipcode region digit and year within decade.
import polars as pl

df = df.with_columns(
    (pl.col("year_built") % 10).alias("year_in_decade"),
    pl.col("zipcode").str.slice(0, 1).cast(pl.Int8).alias("zip_region"),
    (pl.col("zipcode").cast(pl.Int64) % 1000).alias("zip_tail"),
)
