# frame: stores
# source: github:PacktPublishing/Polars-Cookbook/Chapter06/ch06.ipynb (Concatenating strings)
# construct: select, str_plus_literal, concat_str, separator, lit_arithmetic, str_join
# String + literal, column + column, concat_str of mixed inputs, and the whole column joined.
import polars as pl

df = df.select(
    pl.all(),
    (pl.col("city") + " new").alias("newCity"),
    (pl.col("city") + pl.col("region")).alias("cityRegion"),
    pl.concat_str(
        pl.lit(100) + 3,
        pl.lit(" "),
        pl.col("city"),
        pl.col("region"),
        separator="::"
    ).alias("newCol"),
    pl.col("city").str.join(delimiter=", ").alias("allCities"),
)
