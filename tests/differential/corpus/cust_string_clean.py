# frame: customers
# Clean names and countries: strip, upper, remove accents-free check.
import polars as pl

df = df.with_columns(
    pl.col("name").str.strip_chars().str.to_uppercase().alias("name_upper"),
    pl.col("country").str.len_bytes().alias("country_bytes"),
    pl.col("country").str.len_chars().alias("country_chars"),
    (pl.col("country").str.len_bytes() != pl.col("country").str.len_chars()).alias("country_non_ascii"),
)
