# frame: products
# then()/otherwise() with column names as strings refer to columns.
import polars as pl

df = df.with_columns(
    pl.when(pl.col("brand").is_null()).then(pl.col("product_name")).otherwise("brand").alias("display_brand"),
    pl.when(pl.col("weight_kg") > 1).then("price").otherwise(pl.col("price") * 0.9).alias("shipping_price"),
)
