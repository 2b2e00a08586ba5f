# frame: products
# Price per kg with null weights filled by the median of the kind.
import polars as pl

kind = pl.col("product_name").str.split(" ").list.get(1)
df = df.with_columns(kind.alias("kind"))
df = df.with_columns(
    pl.col("weight_kg").fill_null(pl.col("weight_kg").median().over("kind")).alias("weight_filled"),
)
df = df.with_columns((pl.col("price") / pl.col("weight_filled")).alias("price_per_kg"))
