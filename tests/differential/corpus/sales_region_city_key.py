# frame: sales
# frames: stores
# Region/city label, uppercase, joined in.
import polars as pl

labels = stores.select(
    "store_id",
    pl.concat_str(
        [pl.col("region").fill_null("?"), pl.col("city").str.to_uppercase()], separator="/"
    ).alias("location"),
)
df = df.join(labels, on="store_id", how="left")
