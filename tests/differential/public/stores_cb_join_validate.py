# frame: stores
# frames: sales
# source: github:PacktPublishing/Polars-Cookbook/Chapter08/ch08.ipynb (join(..., validate='1:m'))
# construct: join, left_on, right_on, validate, select
# Stores joined to their sales rows, checking that the store side is unique.
import polars as pl

df = (
    df
    .join(
        sales.rename({"store_id": "sid"}),
        left_on="store_id",
        right_on="sid",
        how="inner",
        validate="1:m",
    )
    .select("store_id", "city", "date", "units")
)
