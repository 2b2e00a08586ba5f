# frame: products
# source: https://docs.pola.rs/user-guide/expressions/strings/ (user-guide/expressions/strings.py, "existence")
# construct: select, str
# Prefix, regex and suffix tests on product names.
import polars as pl

df = df.select(
    pl.col("product_name"),
    pl.col("product_name").str.starts_with("P").alias("starts_with_p"),
    pl.col("product_name").str.contains("E..o").alias("E..o"),
    pl.col("product_name").str.contains("e+").alias("e+"),
    pl.col("product_name").str.ends_with("s").alias("ends_with_s"),
)
