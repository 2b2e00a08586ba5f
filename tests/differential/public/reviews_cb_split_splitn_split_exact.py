# frame: reviews
# source: github:PacktPublishing/Polars-Cookbook/Chapter06/ch06.ipynb (Splitting strings into lists and structs)
# construct: select, str, split, splitn, split_exact, struct
# Split into a list, into at most 4 parts (struct) and into exactly 4 parts (struct).
import polars as pl

df = df.select(
    "body",
    pl.col("body").str.split(by=" ").alias("split"),
    pl.col("body").str.splitn(by=" ", n=4).alias("splitn"),
    pl.col("body").str.split_exact(by=" ", n=4).alias("split_exact"),
)
