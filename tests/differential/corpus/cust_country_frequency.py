# frame: customers
# Frequency encoding of the country.
import polars as pl

df = df.with_columns(
    (pl.len().over("country") / pl.len()).alias("country_freq"),
    pl.col("customer_id").count().over("country").alias("country_count"),
)
