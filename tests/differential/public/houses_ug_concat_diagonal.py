# frame: houses
# source: https://docs.pola.rs/user-guide/transformations/concatenation/ (user-guide/transformations/concatenation.py, "cross")
# construct: concat, diagonal
# Frames with different columns stacked; missing columns filled with nulls.
import polars as pl

df_d1 = df.head(3).select("house_id", "price")
df_d2 = df.tail(3).select("house_id", "sqft")
df = pl.concat(
    [
        df_d1,
        df_d2,
    ],
    how="diagonal",
)
