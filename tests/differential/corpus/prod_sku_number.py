# frame: products
# Numeric SKU, parity and check digit.
import polars as pl

sku_num = pl.col("sku").str.strip_prefix("SKU-").cast(pl.Int64)
df = df.with_columns(
    sku_num.alias("sku_number"),
    (sku_num % 2 == 0).alias("sku_even"),
    (sku_num % 10).alias("sku_check_digit"),
)
