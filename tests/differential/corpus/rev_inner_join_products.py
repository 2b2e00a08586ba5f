# frame: reviews
# frames: products
# Only reviews of known products (inner join), with the product name tokens.
import polars as pl

df = df.join(products, on="product_id", how="inner").with_columns(
    pl.col("product_name").str.split(" ").list.last().alias("product_kind"),
)
