# frame: transactions
# Simple text features on the merchant name.
import polars as pl

df = df.with_columns(
    pl.col("merchant").str.len_chars().alias("merchant_len"),
    pl.col("merchant").str.to_lowercase().alias("merchant_lower"),
    pl.col("merchant").str.contains("Bar").alias("merchant_is_bar"),
    pl.col("merchant").str.contains("+", literal=True).alias("merchant_has_plus"),
)
