# frame: stores
# City names: length, lowercase, non-ASCII flag, first letter.
import polars as pl

df = df.with_columns(
    pl.col("city").str.to_lowercase().alias("city_lower"),
    pl.col("city").str.len_chars().alias("city_len"),
    pl.col("city").str.contains(r"[^\x00-\x7F]").alias("city_non_ascii"),
    pl.col("city").str.slice(0, 1).alias("city_initial"),
)
