# frame: stores
# source: github:tdiprima/modern-dataframes/src/polars_advanced_techniques/concat_diagonal.py
# construct: concat, diagonal
# Two column subsets with one shared column stacked diagonally.
import polars as pl

df1 = df.head(3).select("store_id", "city")
df2 = df.tail(3).select("city", "size_sqft")
df = pl.concat([df1, df2], how="diagonal")
