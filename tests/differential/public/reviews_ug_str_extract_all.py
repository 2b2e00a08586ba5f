# frame: reviews
# source: https://docs.pola.rs/user-guide/expressions/strings/ (user-guide/expressions/strings.py, "extract_all")
# construct: select, str, list
# All numbers mentioned in each review body.
import polars as pl

df = df.select(
    pl.col("body").str.extract_all(r"(\d+)").alias("extracted_nrs"),
)
