# frame: products
# frames: reviews
# source: https://docs.pola.rs/user-guide/transformations/joins/ (user-guide/transformations/joins.py, "semi-join" + "anti-join")
# construct: join, semi, anti, concat
# Products with reviews and products without, stacked with a flag.
import polars as pl

reviewed = df.join(reviews, on="product_id", how="semi")
unreviewed = df.join(reviews, on="product_id", how="anti")
df = pl.concat(
    [reviewed.with_columns(pl.lit(True).alias("reviewed")), unreviewed.with_columns(pl.lit(False).alias("reviewed"))],
    how="vertical",
)
