# frame: houses
# source: https://docs.pola.rs/user-guide/transformations/concatenation/ (user-guide/transformations/concatenation.py, "horizontal" + "horizontal_different_lengths"); adapted: the guide's strict=True is deprecated in Polars 2.1 and was dropped
# construct: concat, horizontal
# Column blocks of the same frame put side by side; a shorter block is extended with nulls.
import polars as pl

df_h1 = df.select("house_id", "price")
df_h2 = df.select("sqft", "bedrooms")
df_h3 = df.head(10).select("zipcode")
df = pl.concat(
    [
        df_h1,
        df_h2,
    ],
    how="horizontal",
)
df = pl.concat([df, df_h3], how="horizontal_extend")
