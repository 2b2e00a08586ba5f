# frame: sales
# source: https://docs.pola.rs/user-guide/transformations/concatenation/ (user-guide/transformations/concatenation.py, "vertical")
# construct: concat, vertical
# Two filtered pieces stacked vertically.
import polars as pl

df_v1 = df.filter(pl.col("store_id") == 1)
df_v2 = df.filter(pl.col("store_id") == 2)
df = pl.concat(
    [
        df_v1,
        df_v2,
    ],
    how="vertical",
)
