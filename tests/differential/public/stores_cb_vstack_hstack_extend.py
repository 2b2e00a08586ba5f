# frame: stores
# source: github:PacktPublishing/Polars-Cookbook/Chapter08/ch08.ipynb (Concatenating DataFrames: vstack, hstack, extend)
# construct: head, slice, tail, vstack, hstack, extend, concat
# Pieces of the frame stacked with vstack/extend and widened with hstack.
import polars as pl

df1 = df.head(2)
df2 = df.slice(2, 2)
df3 = df.tail(1)
stacked = df1.vstack(df2).vstack(df3)
wide = (
    df1
    .select("city")
    .hstack(df2.select("region"))
)
extended = df1.clone().extend(df2).extend(df3)
df = pl.concat([stacked, extended]).head(2).hstack(wide.rename({"city": "city_w", "region": "region_w"}))
