# frame: products
# source: https://docs.pola.rs/user-guide/expressions/strings/ (user-guide/expressions/strings.py, "strip")
# construct: select, str
# Strip characters, prefixes and suffixes from SKUs.
import polars as pl

sku = pl.col("sku")
chars = "-0123456789"
df = df.select(
    sku.str.strip_chars(chars).alias("strip"),
    sku.str.strip_chars_end(chars).alias("end"),
    sku.str.strip_chars_start("SKU").alias("start"),
    sku.str.strip_prefix("SKU-").alias("prefix"),
    sku.str.strip_suffix("0").alias("suffix"),
)
