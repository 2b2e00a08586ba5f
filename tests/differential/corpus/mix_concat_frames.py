# frame: stores
# Stack two filtered views of the stores frame vertically with pl.concat.
import polars as pl

north = df.filter(pl.col("region") == "North").with_columns(pl.lit("north").alias("group"))
big = df.filter(pl.col("size_sqft") > 9000).with_columns(pl.lit("big").alias("group"))
df = pl.concat([north, big], how="vertical")
