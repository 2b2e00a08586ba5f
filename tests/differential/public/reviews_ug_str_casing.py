# frame: reviews
# source: https://docs.pola.rs/user-guide/expressions/strings/ (user-guide/expressions/strings.py, "casing")
# construct: select, str
# Title case, lower case and upper case review titles.
import polars as pl

df = df.select(
    pl.col("title").alias("originals"),
    pl.col("title").str.to_titlecase(),
    pl.col("title").str.to_lowercase().alias("lower"),
    pl.col("title").str.to_uppercase().alias("upper"),
)
